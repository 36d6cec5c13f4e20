import type { Migration } from "kysely";
import * as foundation from "./0001-foundation";
import * as frameworks from "./0002-frameworks";
import * as campaignsSurveys from "./0003-campaigns-surveys";
import * as frameworkDrafts from "./0004-framework-drafts";
import * as invitations from "./0005-invitations";
import * as reportedFigures from "./0009-reported-figures";
import * as review from "./0010-review";
import * as workshops from "./0011-workshops";
import * as passwordReset from "./0013-password-reset";
import * as operations from "./0014-operations";
import * as responseTally from "./0015-response-tally";
import * as reviewGuests from "./0016-review-guests";
import * as guestComments from "./0017-guest-comments";

// Listed statically (not read from disk) so the same list works under tsx, Vitest and the
// bundled server build. Append new migrations; never edit a landed one.
export const migrations: Record<string, Migration> = {
  "0001-foundation": foundation,
  "0002-frameworks": frameworks,
  "0003-campaigns-surveys": campaignsSurveys,
  "0004-framework-drafts": frameworkDrafts,
  "0005-invitations": invitations,
  "0009-reported-figures": reportedFigures,
  "0010-review": review,
  "0011-workshops": workshops,
  "0013-password-reset": passwordReset,
  "0014-operations": operations,
  "0015-response-tally": responseTally,
  "0016-review-guests": reviewGuests,
  "0017-guest-comments": guestComments,
};
