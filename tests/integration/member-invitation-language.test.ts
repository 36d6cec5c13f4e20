import { describe, expect, it } from "vitest";
import { listOutbox } from "../../app/modules/outbox/outbox.server";
import { demoFacts } from "../helpers/db";
import { cookieOf } from "../helpers/http";
import { setUpSignedInServer } from "../helpers/signed-in-server";
import { nth } from "../helpers/present";

// The /members form over HTTP, as a browser without JavaScript sends it: the admin reads French,
// the invitee gets the e-mail in the language chosen, and the link lands on a page in it.

describe("member invitation language", () => {
  const app = setUpSignedInServer({});

  async function invite(fields: Record<string, string>) {
    const response = await fetch(`${app.server.url}/members`, {
      method: "POST",
      headers: { cookie: app.cookie, origin: app.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "invite", role: "facilitator", ...fields }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const { territory } = await demoFacts(app.db);
    const mail = (await listOutbox(app.db, territory.id)).find((m) => m.toAddress === fields.email);
    if (!mail) throw new Error(`no e-mail queued for ${fields.email}`);
    return mail;
  }

  it("the form offers the e-mail's language, French first", async () => {
    const html = await (await fetch(`${app.server.url}/members`, { headers: { cookie: app.cookie } })).text();
    expect(html).toMatch(/<select[^>]*name="language"[^>]*>\s*<option value="fr" lang="fr"[^>]*>Français<\/option>\s*<option value="en" lang="en"[^>]*>English<\/option>/);
  });

  it("an invitation sent in English is written in English, and its link opens the invitation page in English", async () => {
    const mail = await invite({ email: "guest@example.org", language: "en" });
    expect(mail.subject).toBe("Invitation to join Commune de Démo on Shared evaluation");
    expect(mail.textBody).toContain("invites you to join the space of Commune de Démo as facilitator");
    expect(mail.textBody).not.toContain("Bonjour");
    const link = nth(/(\/invitation\/[\w-]+\?lang=en)\n/.exec(mail.textBody) ?? [], 1);

    // A fresh visitor (no cookie) follows the link: the language is kept, the parameter dropped.
    const landing = await fetch(`${app.server.url}${link}`, { redirect: "manual" });
    expect(landing.status).toBe(302);
    expect(landing.headers.get("location")).toBe(link.replace("?lang=en", ""));
    const page = await (await fetch(`${app.server.url}${landing.headers.get("location")}`, { headers: { cookie: cookieOf(landing) } })).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain("Join Commune de Démo");
    expect(page).toContain("Create my access");
  });

  it("without a choice the invitation is in French, and so is its page", async () => {
    const mail = await invite({ email: "invitee@example.org" });
    expect(mail.subject).toBe("Invitation à rejoindre Commune de Démo sur Évaluation partagée");
    const link = nth(/(\/invitation\/[\w-]+\?lang=fr)\n/.exec(mail.textBody) ?? [], 1);
    const landing = await fetch(`${app.server.url}${link}`, { redirect: "manual" });
    const page = await (await fetch(`${app.server.url}${landing.headers.get("location")}`, { headers: { cookie: cookieOf(landing) } })).text();
    expect(page).toContain('<html lang="fr"');
    expect(page).toContain("Rejoindre Commune de Démo");
  });
});
