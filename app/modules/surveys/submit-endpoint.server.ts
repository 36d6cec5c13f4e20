import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../../../db/connection";
import { sendShortPage } from "../../lib/http/refusal.server";
import { pathAfterSubmit, SUBMIT_PATH } from "./submit-paths";
import { submitSurvey } from "./submit.server";

/**
 * `POST /r/:code/envoyer`, answered by server.ts before Express and Remix see the request;
 * false for any other request. Why: the submit is the one request that must keep up with a
 * crowd (a QR code shown at a public meeting), and Remix's per-request routing and Express's
 * middleware cost more CPU than the submit itself (README « Benchmark »: about 35 % of a bare
 * node:http handler through Remix, about 90 % here). It does what a route would — one module
 * function, then a redirect — and works without JavaScript like every form.
 */
export function handleSurveySubmit(db: Db, req: IncomingMessage, res: ServerResponse): boolean {
  const code = req.method === "POST" ? SUBMIT_PATH.exec(req.url ?? "")?.[1] : undefined;
  if (code === undefined) return false;
  // The body holds only the button's name: the draft behind the code is what gets submitted.
  req.resume();
  submitSurvey(db, code).then(
    (result) => res.writeHead(302, { Location: pathAfterSubmit(code, result) }).end(),
    (error: unknown) => {
      // No code in the log: it would tie a line with a time to a draft.
      console.error("survey submit failed:", error instanceof Error ? error.message : error);
      // In the visitor's language (`lang` cookie), like the refusals answered before Remix.
      void sendShortPage(req, res, 500, (t) => [t("survey.submitFailedTitle"), t("survey.submitFailedBody")]);
    },
  );
  return true;
}
