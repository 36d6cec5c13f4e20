import { createTranslator, formatDate, type Locale } from "../../i18n/i18n";

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
 * The invitation (or reminder) e-mail in the campaign's language, chosen by the council when
 * sending (French unless it says otherwise), whatever its own screen language. Plain text,
 * short, polite.
 */
export function composeInvitationEmail(facts: InvitationEmailFacts, locale: Locale = "fr"): { subject: string; text: string } {
  const t = createTranslator(locale);
  const territory = facts.territoryName;
  const isReminder = facts.kind === "reminder";
  const subject = isReminder ? t("invitations.email.reminderSubject", { territory }) : t("invitations.email.subject", { territory });
  const paragraphs = [
    facts.name ? t("invitations.email.greeting", { name: facts.name }) : t("invitations.email.greetingNoName"),
    isReminder ? t("invitations.email.reminderBody", { territory, title: facts.campaignTitle }) : t("invitations.email.body", { territory, title: facts.campaignTitle }),
    `${t("invitations.email.linkIntro")}\n${facts.baseUrl}/s/${facts.code}`,
    t("invitations.email.codeIntro", { site: facts.baseUrl, code: facts.code }),
    facts.closesOn ? t("invitations.email.closesOn", { date: formatDate(locale, facts.closesOn) }) : null,
    facts.isAnonymous ? t("invitations.email.anonymous") : t("invitations.email.named"),
    t("invitations.email.personalLink"),
    `${t("invitations.email.thanks")}\n${territory}`,
    `--\n${t("invitations.email.unsubscribe", { territory })}\n${facts.baseUrl}/unsubscribe/${facts.unsubscribeToken}`,
  ];
  return { subject, text: paragraphs.filter((p): p is string => p !== null).join("\n\n") };
}
