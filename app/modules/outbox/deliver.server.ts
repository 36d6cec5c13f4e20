/** What delivery needs from nodemailer: a transport's sendMail. */
export type MailTransport = { sendMail: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };

/** Error text without e-mail addresses: it is shown on the outbox page and may reach logs. */
export function scrubAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[adresse]").slice(0, 500);
}
