import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { editFrameworkDraft, forkFramework, publishFrameworkDraft } from "../../app/modules/frameworks/drafts.server";
import { listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { exportInvitationsCsv, importInvitations } from "../../app/modules/invitations/import.server";
import { createDraftCampaign } from "../helpers/campaigns";
import { demoFacts, freshDbPerTest } from "../helpers/db";

const t = freshDbPerTest();
const HYPERLINK = '=HYPERLINK("http://x","y")';

describe("the invitations export cannot carry a spreadsheet formula", () => {
  it("a group label, a name and a neighbourhood written as formulas come out as text on every row", async () => {
    const { admin } = await demoFacts(t.db);
    const starter = (await listUsableFrameworkVersions(t.db, admin.territoryId)).find((v) => v.slug === "utilite-sociale-territoriale")!;
    // An editor renames the residents' group in the council's copy of the framework.
    const { frameworkId } = await forkFramework(t.db, admin, starter.id, { fr: "Notre cadre", en: "Our framework" });
    const residents = starter.definition.stakeholderGroups.find((g) => g.id === "residents")!;
    const renamed = await editFrameworkDraft(t.db, admin, frameworkId, { kind: "group", input: { id: residents.id, labelFr: HYPERLINK, labelEn: HYPERLINK } }, ["labelFr", "labelEn"]);
    expect(renamed.ok).toBe(true);
    expect((await publishFrameworkDraft(t.db, admin, frameworkId)).ok).toBe(true);
    const version = (await listUsableFrameworkVersions(t.db, admin.territoryId)).find((v) => v.definition.stakeholderGroups.some((g) => g.label.fr === HYPERLINK))!;
    const { campaignId } = await createDraftCampaign(t.db, { title: "Campagne piégée", frameworkVersionId: version.id, neighbourhoods: "-Nord\nCentre" });
    const list = ["nom;email;groupe;quartier", "=cmd|' /C calc'!A0;a@exemple.fr;residents;-Nord", "+Hélène;b@exemple.fr;residents;Centre", "Karim;c@exemple.fr;residents;"].join("\r\n");
    expect(await importInvitations(t.db, admin, campaignId, list, false)).toEqual({ ok: true, imported: 3 });

    const { csv } = await exportInvitationsCsv(t.db, admin.territoryId, campaignId, "https://eval.exemple.fr");
    const [header, ...lines] = parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    const rows = lines.sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(header).toEqual(["nom", "email", "groupe", "quartier", "code", "lien", "statut"]);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[2])).toEqual([`'${HYPERLINK}`, `'${HYPERLINK}`, `'${HYPERLINK}`]);
    expect(rows.map((r) => r[0])).toEqual(["'=cmd|' /C calc'!A0", "'+Hélène", "Karim"]);
    expect(rows.map((r) => r[3])).toEqual(["'-Nord", "Centre", ""]);
    // No cell of the file starts like a formula.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[\s"]*[=+\-@]/);
  });
});
