import { describe, expect, it } from "vitest";
import { checkInvitationCsv, decodeCsvBytes, detectDelimiter, type ImportContext } from "./csv-import";

const context: ImportContext = {
  groups: [
    { id: "residents", label: { fr: "Habitant·es", en: "Residents" } },
    { id: "beneficiaries", label: { fr: "Bénéficiaires", en: "Beneficiaries" } },
  ],
  neighbourhoods: ["Quartier Nord", "Centre-ville"],
  alreadyInvited: new Set(["deja@exemple.fr"]),
};

/** Windows-1252 bytes of a string that only uses Latin-1 characters (é = 0xE9). */
function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

describe("decoding a CSV file", () => {
  it("reads UTF-8 with the BOM Excel adds, without keeping the BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("nom;email\nHélène;h@exemple.fr")]);
    expect(decodeCsvBytes(bytes)).toBe("nom;email\nHélène;h@exemple.fr");
  });

  it("reads Latin-1 / Windows-1252 bytes such as « Hélène » from an older Excel", () => {
    const bytes = latin1Bytes("nom;email\nHélène Dupré;h@exemple.fr");
    expect(bytes[11]).toBe(0xe9);
    expect(decodeCsvBytes(bytes)).toBe("nom;email\nHélène Dupré;h@exemple.fr");
  });

  it("reads plain UTF-8 without BOM", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("email\nzoé@exemple.fr"))).toBe("email\nzoé@exemple.fr");
  });
});

describe("detecting the separator", () => {
  it("finds Excel-FR's semicolon, a comma or a tab", () => {
    expect(detectDelimiter("nom;email;groupe\na;b;c")).toBe(";");
    expect(detectDelimiter("name,email,group\na,b,c")).toBe(",");
    expect(detectDelimiter("name\temail\n")).toBe("\t");
    expect(detectDelimiter('"Nom, prénom";email;groupe')).toBe(";");
  });
});

describe("checking a list of people to invite", () => {
  it("accepts a good file with French headers, group labels and neighbourhoods", () => {
    const result = checkInvitationCsv("Nom;Courriel;Groupe;Quartier\nHélène Dupré;Helene@Exemple.fr;Habitant·es;quartier nord\n;karim@exemple.fr;beneficiaries;\n", context);
    expect(result).toMatchObject({ ok: true, delimiter: ";", errors: [] });
    if (!result.ok) return;
    expect(result.rows).toEqual([
      { line: 2, email: "helene@exemple.fr", name: "Hélène Dupré", groupId: "residents", neighbourhood: "Quartier Nord" },
      { line: 3, email: "karim@exemple.fr", name: null, groupId: "beneficiaries", neighbourhood: null },
    ]);
  });

  it("accepts English headers and commas", () => {
    const result = checkInvitationCsv("name,e-mail,group,neighbourhood\nAda,ada@example.org,Residents,Centre-ville\n", context);
    expect(result.ok && result.rows).toEqual([{ line: 2, email: "ada@example.org", name: "Ada", groupId: "residents", neighbourhood: "Centre-ville" }]);
  });

  it("reads an Excel-FR export: BOM, semicolons, CRLF and quoted cells", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('E-mail;Nom;Groupe\r\nzoe@exemple.fr;"Zoé ; la voisine";residents\r\n')]);
    const result = checkInvitationCsv(decodeCsvBytes(bytes), context);
    expect(result.ok && result.rows).toEqual([{ line: 2, email: "zoe@exemple.fr", name: "Zoé ; la voisine", groupId: "residents", neighbourhood: null }]);
  });

  it("reads a Latin-1 file and keeps accents in names", () => {
    const result = checkInvitationCsv(decodeCsvBytes(latin1Bytes("nom;email;groupe\nHélène;helene@exemple.fr;Bénéficiaires\n")), context);
    expect(result.ok && result.rows[0]).toMatchObject({ name: "Hélène", groupId: "beneficiaries" });
  });

  it("says what is wrong on each bad line, with its line number, and keeps the good ones", () => {
    const text = [
      "nom;email;groupe;quartier",
      "Bon;bon@exemple.fr;residents;",
      "Sans arobase;pas-une-adresse;residents;",
      "Inconnu;x@exemple.fr;touristes;",
      "Loin;y@exemple.fr;residents;Lune",
      "Encore;BON@exemple.fr;residents;",
      "Déjà;deja@exemple.fr;residents;",
      "Vide;;residents;",
    ].join("\n");
    const result = checkInvitationCsv(text, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // « Vide » has no address: accepted, for a printed sheet.
    expect(result.rows.map((r) => [r.line, r.email])).toEqual([
      [2, "bon@exemple.fr"],
      [8, null],
    ]);
    expect(result.errors).toEqual([
      { line: 3, key: "invitations.csv.errors.emailInvalid", params: { value: "pas-une-adresse" } },
      { line: 4, key: "invitations.csv.errors.groupUnknown", params: { value: "touristes" } },
      { line: 5, key: "invitations.csv.errors.neighbourhoodUnknown", params: { value: "Lune" } },
      { line: 6, key: "invitations.csv.errors.duplicateInFile", params: { value: "bon@exemple.fr", first: 2 } },
      { line: 7, key: "invitations.csv.errors.alreadyInvited", params: { value: "deja@exemple.fr" } },
    ]);
  });

  it("refuses an empty file", () => {
    expect(checkInvitationCsv("", context)).toMatchObject({ ok: false, fileError: "invitations.csv.fileErrors.empty" });
    expect(checkInvitationCsv("\uFEFFnom;email\n\n", context)).toMatchObject({ ok: false, fileError: "invitations.csv.fileErrors.empty" });
  });

  it("refuses a file without an e-mail column", () => {
    expect(checkInvitationCsv("nom;groupe\nHélène;residents\n", context)).toMatchObject({ ok: false, fileError: "invitations.csv.fileErrors.noEmailColumn" });
  });

  it("needs a group column only when the campaign has several groups", () => {
    expect(checkInvitationCsv("email\na@exemple.fr\n", context)).toMatchObject({ ok: false, fileError: "invitations.csv.fileErrors.noGroupColumn" });
    const single = { ...context, groups: context.groups.slice(0, 1) };
    expect(checkInvitationCsv("email\na@exemple.fr\n", single)).toMatchObject({ ok: true, rows: [{ groupId: "residents" }] });
  });
});
