import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Framework } from "../../evaluation-frameworks/schema";
import { createTestDb, demoFacts } from "../helpers/db";
import { asResponse, cookieOf } from "../helpers/http";
import { nth } from "../helpers/present";

// The editor's remove-a-scale, remove-a-source, rating labels, text length, indicator note and
// minN, posted as a browser posts them (no JavaScript) to the real route on a real database file.
const testDb = await createTestDb({ seed: true });
process.env.DATABASE_URL = testDb.path;
const { startUserSession } = await import("../../app/modules/accounts/session.server");
const { forkFramework, getFrameworkDraft, publishFrameworkDraft, startNewDraft } = await import("../../app/modules/frameworks/drafts.server");
const { indicatorValues, scaleValues } = await import("../../app/modules/frameworks/form-values");
const { localeCookie } = await import("../../app/i18n/locale.server");
const editor = await import("../../app/routes/frameworks.$frameworkId.edit/route");
const frameworkPage = await import("../../app/routes/frameworks.$frameworkId._index/route");

let cookie = "";
let actor = { territoryId: "", userId: "" };
let starterVersionId = "";
let frameworkId = "";

beforeAll(async () => {
  const { admin } = await demoFacts(testDb.db);
  actor = admin;
  const session = await startUserSession(testDb.db, new Request("http://localhost/login"), admin.userId, admin.territoryId, "/dashboard");
  cookie = cookieOf(session);
  const starter = await testDb.db.selectFrom("framework_version as v").innerJoin("framework as f", "f.id", "v.framework_id").select("v.id").where("f.slug", "=", "utilite-sociale-territoriale").executeTakeFirstOrThrow();
  starterVersionId = starter.id;
});
afterAll(() => testDb.cleanup());

// Each test edits its own fresh copy of the starter framework.
let copies = 0;
beforeEach(async () => {
  copies += 1;
  frameworkId = (await forkFramework(testDb.db, actor, starterVersionId, { fr: `Cadre ${copies}`, en: `Framework ${copies}` })).frameworkId;
});

async function draft(): Promise<Framework> {
  return (await getFrameworkDraft(testDb.db, actor.territoryId, frameworkId))!.definition;
}

type Fields = Record<string, string | string[] | undefined>;

async function send(fields: Fields, as = cookie) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value ?? []].flat()) body.append(name, v);
  const request = new Request(`http://localhost/frameworks/${frameworkId}/edit`, { method: "POST", body, headers: { cookie: as, "Content-Type": "application/x-www-form-urlencoded" } });
  const response = asResponse(await editor.action({ request, params: { frameworkId }, context: {} }));
  if (response.status === 302) return { status: 302, location: response.headers.get("Location"), error: {} as Record<string, string[]>, initialValue: {} as Record<string, unknown> };
  const reply = await response.json();
  return { status: response.status, location: null, error: reply.result.error as Record<string, string[]>, initialValue: reply.result.initialValue as Record<string, unknown> };
}

describe("removing a scale", () => {
  it("is refused while indicators use it, with a French message naming them, and nothing changes", async () => {
    const before = await draft();
    const reply = await send({ intent: "removeScale", id: "utilite_4" });
    expect(reply.status).toBe(400);
    expect(reply.error[""]).toEqual([
      "Cette échelle sert encore à 2 indicateurs : «\u00a0Utilité de l'accompagnement\u00a0», «\u00a0Utilité pour les habitants\u00a0». Choisissez une autre échelle pour ces indicateurs avant de la supprimer.",
    ]);
    expect(await draft()).toEqual(before);
  });

  it("names the indicators in English on an English page", async () => {
    const english = `${cookie}; ${(await localeCookie.serialize("en")).split(";")[0]}`;
    const reply = await send({ intent: "removeScale", id: "note_0_10" }, english);
    expect(reply.error[""]?.[0]).toMatch(/^This scale is still used by one indicator: “[^”]+”\. Pick another scale/);
  });

  it("an unused scale is removed", async () => {
    const added = (await send({ intent: "newScale", type: "text" })).location ?? "";
    // A new scale's id is a word (« texte_libre »), numbered when the framework already has one.
    expect(added).toMatch(new RegExp(`^/frameworks/${frameworkId}/edit\\?edit=scale&id=texte_libre(_\\d+)?$`));
    const id = new URLSearchParams(added.split("?")[1]).get("id") ?? "";
    expect((await draft()).scales.some((s) => s.id === id)).toBe(true);
    const reply = await send({ intent: "removeScale", id });
    expect(reply).toMatchObject({ status: 302, location: `/frameworks/${frameworkId}/edit` });
    expect((await draft()).scales.some((s) => s.id === id)).toBe(false);
  });
});

describe("removing a source", () => {
  it("is refused while indicators cite it, naming them", async () => {
    const before = await draft();
    const citing = before.indicators.filter((i) => i.sources.includes("fiche-departements-insertion-2021"));
    expect(citing).toHaveLength(1);
    const reply = await send({ intent: "removeSource", id: "fiche-departements-insertion-2021" });
    expect(reply.status).toBe(400);
    expect(reply.error[""]?.[0]).toBe(`Cette source est encore citée par un indicateur : «\u00a0${nth(citing, 0).label.fr}\u00a0». Décochez-la dans cet indicateur (ou remplacez-la par une autre) avant de la supprimer.`);
    expect(await draft()).toEqual(before);
  });

  it("a source no indicator cites is removed", async () => {
    expect((await draft()).sources.some((s) => s.id === "essec-impact-social-2014")).toBe(true);
    expect(await send({ intent: "removeSource", id: "essec-impact-social-2014" })).toMatchObject({ status: 302 });
    expect((await draft()).sources.some((s) => s.id === "essec-impact-social-2014")).toBe(false);
  });

  it("an unknown source is refused, never created", async () => {
    const reply = await send({ intent: "removeSource", id: "nexiste-pas" });
    expect(reply.error[""]?.[0]).toMatch(/^Cet élément n'existe pas/);
  });
});

describe("the 0–10 rating's end labels", () => {
  it("an empty label comes back at its field with what was typed kept", async () => {
    const scale = (await draft()).scales.find((s) => s.id === "note_0_10")!;
    const reply = await send({ intent: "scale", ...scaleValues(scale), minLabelFr: "Pas du tout utile", maxLabelEn: "" });
    expect(reply.status).toBe(400);
    expect(reply.error.maxLabelEn).toEqual(["Ce texte est obligatoire."]);
    expect(reply.initialValue).toMatchObject({ minLabelFr: "Pas du tout utile" });
    expect((await draft()).scales.find((s) => s.id === "note_0_10")).toEqual(scale);
  });

  it("new labels are saved and the rest of the scale stays as it was", async () => {
    const scale = (await draft()).scales.find((s) => s.id === "note_0_10")!;
    const reply = await send({ intent: "scale", id: scale.id, minLabelFr: "Pas du tout utile", minLabelEn: "Not useful at all", maxLabelFr: "Très utile", maxLabelEn: "Very useful" });
    expect(reply.status).toBe(302);
    expect((await draft()).scales.find((s) => s.id === "note_0_10")).toEqual({ ...scale, minLabel: { fr: "Pas du tout utile", en: "Not useful at all" }, maxLabel: { fr: "Très utile", en: "Very useful" } });
  });
});

describe("the free-text scale's maximum length", () => {
  it.each(["0", "20000", "12.5", "beaucoup"])("%s is refused at the field with a French message", async (typed) => {
    const reply = await send({ intent: "scale", id: "texte_libre", maxLength: typed });
    expect(reply.status).toBe(400);
    expect(reply.error.maxLength).toEqual(["frameworks.errors.maxLength"]);
    expect(reply.initialValue).toMatchObject({ maxLength: typed });
  });

  it("a length between 1 and 10 000 is saved", async () => {
    expect((await send({ intent: "scale", id: "texte_libre", maxLength: "500" })).status).toBe(302);
    expect((await draft()).scales.find((s) => s.id === "texte_libre")).toEqual({ id: "texte_libre", type: "text", maxLength: 500 });
  });
});

describe("an indicator's council note and minN", () => {
  async function indicatorForm(changes: Fields): Promise<Fields> {
    const definition = await draft();
    return { intent: "indicator", ...indicatorValues(nth(definition.indicators, 0), definition), ...changes };
  }

  it("a minN below the framework's k is refused at the field, with the rule's French message", async () => {
    const before = await draft();
    const reply = await send(await indicatorForm({ minN: "3" }));
    expect(reply.status).toBe(400);
    expect(reply.error.minN).toEqual(["minN vaut 3, moins que k (5) qui s'applique déjà à tous les résultats : mettez au moins 5 ou supprimez « minN »."]);
    expect(reply.initialValue).toMatchObject({ minN: "3" });
    expect(await draft()).toEqual(before);
  });

  it("a minN that is not a whole number is refused at the field", async () => {
    const reply = await send(await indicatorForm({ minN: "7.5" }));
    expect(reply.error.minN).toEqual(["frameworks.errors.minN"]);
  });

  it("a note in English only is refused at the French; in French only it is kept (English is optional for an indicator)", async () => {
    const reply = await send(await indicatorForm({ noteFr: "", noteEn: "Adapt it to the neighbourhood." }));
    expect(reply.status).toBe(400);
    expect(reply.error.noteFr?.[0]).toMatch(/^Le texte français \(« fr »\) est vide/);
    expect(reply.initialValue).toMatchObject({ noteEn: "Adapt it to the neighbourhood." });
    expect((await send(await indicatorForm({ noteFr: "À adapter au quartier.", noteEn: "" }))).status).toBe(302);
  });

  it("a note and a minN are saved, then cleared by emptying the fields", async () => {
    const id = nth((await draft()).indicators, 0).id;
    expect((await send(await indicatorForm({ noteFr: "À adapter au quartier.", noteEn: "Adapt it to the neighbourhood.", minN: "8" }))).status).toBe(302);
    const saved = (await draft()).indicators.find((i) => i.id === id)!;
    expect(saved).toMatchObject({ note: { fr: "À adapter au quartier.", en: "Adapt it to the neighbourhood." }, minN: 8 });
    expect((await send(await indicatorForm({ noteFr: "", noteEn: "", minN: "" }))).status).toBe(302);
    const cleared = (await draft()).indicators.find((i) => i.id === id)!;
    expect(cleared.note).toBeUndefined();
    expect(cleared.minN).toBeUndefined();
  });
});

describe("where the officer is", () => {
  async function pageData() {
    const response = asResponse(await frameworkPage.loader({ request: new Request(`http://localhost/frameworks/${frameworkId}`, { headers: { cookie } }), params: { frameworkId }, context: {} }));
    return (await response.json()) as { version: { id: string; number: number; status: string }; diffAgainst: { versionId: string; number: number; isOrigin: boolean } | null };
  }

  it("a first draft is compared with the framework it adapts", async () => {
    const data = await pageData();
    expect(data.version).toMatchObject({ number: 1, status: "draft" });
    expect(data.diffAgainst).toEqual({ versionId: starterVersionId, number: 1, isOrigin: true });
    expect((await getFrameworkDraft(testDb.db, actor.territoryId, frameworkId))?.diffAgainst).toMatchObject({ versionId: starterVersionId, isOrigin: true });
  });

  it("a new draft is compared with the last published version; a published version offers no such link", async () => {
    await publishFrameworkDraft(testDb.db, actor, frameworkId);
    const published = await pageData();
    expect(published.diffAgainst).toBeNull();
    await startNewDraft(testDb.db, actor, frameworkId);
    const data = await pageData();
    expect(data.version).toMatchObject({ number: 2, status: "draft" });
    expect(data.diffAgainst).toEqual({ versionId: published.version.id, number: 1, isOrigin: false });
    expect((await getFrameworkDraft(testDb.db, actor.territoryId, frameworkId))?.diffAgainst).toEqual({ versionId: published.version.id, number: 1, isOrigin: false });
  });
});
