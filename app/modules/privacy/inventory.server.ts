import type { Db } from "../../../db/connection";
import { countMemberAccounts } from "../accounts/own-data.server";
import { countInvitationPersonalData } from "../invitations/person-data.server";
import { countOutboxMessages } from "../outbox/personal-data.server";
import { countSubscribersAndResponses } from "../surveys/subscriber-data.server";
import type { PrivacyCategory } from "./categories";

/**
 * What the install holds, counted now, one number per category of the privacy page: the page
 * is generated from the database, not written once and left to drift. Counts only.
 */
export async function getPrivacyInventory(db: Db): Promise<Record<PrivacyCategory, number>> {
  const [members, invitationData, outbox, surveyData] = await Promise.all([countMemberAccounts(db), countInvitationPersonalData(db), countOutboxMessages(db), countSubscribersAndResponses(db)]);
  return { members, invitations: invitationData.invitations, outbox, subscribers: surveyData.subscribers, optOuts: invitationData.optOuts, responses: surveyData.responses };
}
