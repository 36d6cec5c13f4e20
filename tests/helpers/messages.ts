import { sayIn } from "../../app/i18n/say";
import type { MessageParams } from "../../app/modules/failure";
import type { FrameworkIssue } from "../../evaluation-frameworks/schema";

/** Framework issues as a person reads them, in both languages (the checks return i18n keys). */
export const inBoth = (issues: readonly FrameworkIssue[]) => issues.map((i) => ({ path: i.path, message: { fr: sayIn("fr", i.message), en: sayIn("en", i.message) } }));

/** A failure's message parameter in French: an i18n key is said, anything else shown as is. */
export const inFrench = (message: MessageParams[string] | undefined) => (message && typeof message === "object" && "key" in message ? sayIn("fr", message) : String(message));
