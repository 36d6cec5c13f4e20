import type { SubmitResult } from "./submit.server";

// The survey submit's addresses, shared by the review page (browser) and the endpoint (server).

export const SUBMIT_PATH = /^\/r\/([A-Za-z0-9]{1,40})\/envoyer$/;

/** Where the review page's « Envoyer mes réponses » button posts. */
export function surveySubmitPath(resumeCode: string): string {
  return `/r/${encodeURIComponent(resumeCode)}/envoyer`;
}

/** Where the person lands after a submit: thank-you, the first missing answer, or the survey's own page. */
export function pathAfterSubmit(resumeCode: string, result: SubmitResult): string {
  const code = encodeURIComponent(resumeCode);
  if (result.status === "submitted" || result.status === "already") return `/r/${code}/merci`;
  if (result.status === "incomplete") return `/r/${code}?step=${result.firstMissingStep}`;
  return `/r/${code}`;
}
