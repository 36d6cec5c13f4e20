import { createTranslator, formatDate } from "../../i18n/i18n";

export type InvitationEmailFacts = {
  kind: "invitation" | "reminder";
  territoryName: string;
  campaignTitle: string;
  closesOn: string | null;
  isAnonymous: boolean;
  name: string | null;
  code: string;
  baseUrl: string;
  unsubscribeToken: string;
};

/**
 * The invitation (or reminder) e-mail, in French: residents are written to in the product's
 * first language, whatever the sender's screen language. Plain text, short, polite.
 */
export function composeInvitationEmail(facts: InvitationEmailFacts): { subject: string; text: string } {
  const t = createTranslator("fr");
  const territory = facts.territoryName;
  const isReminder = facts.kind === "reminder";
  const subject = isReminder ? t("invitations.email.reminderSubject", { territory }) : t("invitations.email.subject", { territory });
  const paragraphs = [
    facts.name ? t("invitations.email.greeting", { name: facts.name }) : t("invitations.email.greetingNoName"),
    isReminder ? t("invitations.email.reminderBody", { territory, title: facts.campaignTitle }) : t("invitations.email.body", { territory, title: facts.campaignTitle }),
    `${t("invitations.email.linkIntro")}\n${facts.baseUrl}/s/${facts.code}`,
    t("invitations.email.codeIntro", { site: facts.baseUrl, code: facts.code }),
    facts.closesOn ? t("invitations.email.closesOn", { date: formatDate("fr", facts.closesOn) }) : null,
    facts.isAnonymous ? t("invitations.email.anonymous") : t("invitations.email.named"),
    t("invitations.email.personalLink"),
    `${t("invitations.email.thanks")}\n${territory}`,
    `--\n${t("invitations.email.unsubscribe", { territory })}\n${facts.baseUrl}/unsubscribe/${facts.unsubscribeToken}`,
  ];
  return { subject, text: paragraphs.filter((p): p is string => p !== null).join("\n\n") };
}
