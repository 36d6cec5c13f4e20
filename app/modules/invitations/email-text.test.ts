import { describe, expect, it } from "vitest";
import { composeInvitationEmail } from "./email-text";

const facts = {
  kind: "invitation" as const,
  territoryName: "Commune de Démo",
  campaignTitle: "Évaluation 2026",
  closesOn: "2026-12-03",
  isAnonymous: true,
  name: "Hélène",
  code: "AB3D5FGH7K",
  baseUrl: "https://eval.exemple.fr",
  unsubscribeToken: "tok.sig",
};

describe("invitation e-mail", () => {
  it("greets the person, gives the link, the code, the closing date, the anonymity note and the unsubscribe link", () => {
    const { subject, text } = composeInvitationEmail(facts);
    expect(subject).toBe("Commune de Démo vous invite à donner votre avis");
    expect(text).toContain("Bonjour Hélène,");
    expect(text).toContain("https://eval.exemple.fr/s/AB3D5FGH7K");
    expect(text).toContain("saisissez le code : AB3D5FGH7K");
    expect(text).toContain("jusqu'au 3 déc. 2026");
    expect(text).toContain("Vos réponses sont anonymes");
    expect(text).toContain("https://eval.exemple.fr/unsubscribe/tok.sig");
  });

  it("a reminder says so, and a named campaign says it is not anonymous", () => {
    const { subject, text } = composeInvitationEmail({ ...facts, kind: "reminder", isAnonymous: false, name: null, closesOn: null });
    expect(subject).toBe("Rappel : Commune de Démo attend votre avis");
    expect(text).toContain("Bonjour,");
    expect(text).toContain("n'est pas anonyme");
    expect(text).not.toContain("jusqu'au");
  });

  it("in English when the council chooses it for the campaign: the same facts, English words and dates", () => {
    const { subject, text } = composeInvitationEmail(facts, "en");
    expect(subject).toBe("Commune de Démo invites you to give your opinion");
    expect(text).toContain("Hello Hélène,");
    expect(text).toContain("https://eval.exemple.fr/s/AB3D5FGH7K");
    expect(text).toContain("3 Dec 2026");
    expect(text).not.toMatch(/Bonjour|«/);
  });
});
