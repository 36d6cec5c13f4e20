import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, demoFacts } from "../helpers/db";
import { asResponse, cookieOf, formPost } from "../helpers/http";

// The framework routes called as Remix calls them, on a real database file: the app's db
// singleton reads DATABASE_URL, so it is set before the routes are imported.
const testDb = await createTestDb({ seed: true });
process.env.DATABASE_URL = testDb.path;
const { startUserSession } = await import("../../app/modules/accounts/session.server");
const { createTerritoryWithAdmin } = await import("../../app/modules/accounts/territories.server");
const { forkFramework, getFrameworkDraft } = await import("../../app/modules/frameworks/drafts.server");
const library = await import("../../app/routes/frameworks._index");
const frameworkPage = await import("../../app/routes/frameworks.$frameworkId._index/route");
const editor = await import("../../app/routes/frameworks.$frameworkId.edit/route");
const exportRoute = await import("../../app/routes/frameworks.$frameworkId.export");

let cookie = "";
let strangerCookie = "";
let frameworkId = "";
let territoryId = "";
beforeAll(async () => {
  const { admin } = await demoFacts(testDb.db);
  territoryId = admin.territoryId;
  const session = await startUserSession(testDb.db, new Request("http://localhost/login"), admin.userId, admin.territoryId, "/dashboard");
  cookie = cookieOf(session);
  const other = await createTerritoryWithAdmin(testDb.db, { slug: "autre", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire", password: "autre-autre-autre" } });
  const strangerSession = await startUserSession(testDb.db, new Request("http://localhost/login"), other.userId, other.territoryId, "/dashboard");
  strangerCookie = cookieOf(strangerSession);
  const starter = await testDb.db.selectFrom("framework_version as v").innerJoin("framework as f", "f.id", "v.framework_id").select("v.id").where("f.slug", "=", "utilite-sociale-territoriale").executeTakeFirstOrThrow();
  frameworkId = (await forkFramework(testDb.db, admin, starter.id, { fr: "Cadre de Démo", en: "Demo framework" })).frameworkId;
});
afterAll(() => testDb.cleanup());

function post(path: string, fields: Record<string, string | string[]>, as = cookie) {
  return formPost(`http://localhost${path}`, fields, as);
}

function upload(text: string, name = "cadre.json") {
  const body = new FormData();
  body.append("file", new File([text], name, { type: "application/json" }));
  return new Request("http://localhost/frameworks", { method: "POST", body, headers: { cookie } });
}

async function statusOf(run: () => Promise<unknown>) {
  try {
    const response = await run();
    return response instanceof Response ? response.status : 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

const rowCount = async () => (await testDb.db.selectFrom("framework_version").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

describe("the editor's forms", () => {
  it("an invalid indicator form comes back with what was typed and a French message per field", async () => {
    const response = asResponse(await editor.action({
      request: post(`/frameworks/${frameworkId}/edit`, {
        intent: "indicator",
        id: "pa_agir_quartier",
        dimension: "pouvoir_agir",
        level: "impact",
        kind: "question",
        labelFr: "",
        labelEn: "",
        questionFr: "Pouvez-vous agir sur votre quartier ?",
        questionEn: "Can you act?",
        scale: "oui_non_5",
        polarity: "positive",
        audiences: ["residents"],
        sources: ["coorace-municipales-2020"],
        weight: "0",
        baseline: "beaucoup",
      }),
      params: { frameworkId },
      context: {},
    }));
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.intent).toBe("indicator");
    expect(reply.result.initialValue).toMatchObject({ questionFr: "Pouvez-vous agir sur votre quartier ?", weight: "0", baseline: "beaucoup", audiences: "residents" });
    expect(reply.result.error.labelEn).toBeUndefined();
    expect(reply.result.error).toMatchObject({ labelFr: ["frameworks.errors.textRequired"], weight: ["frameworks.errors.weight"], baseline: ["frameworks.errors.number"] });
  });

  it("an issue found in the whole definition is shown at its field, in French", async () => {
    const response = asResponse(await editor.action({
      request: post(`/frameworks/${frameworkId}/edit`, { intent: "metadata", titleFr: "Cadre de Démo", titleEn: "Demo", descriptionFr: "Description", descriptionEn: "Description", k: "5", kFreeText: "3" }),
      params: { frameworkId },
      context: {},
    }));
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.result.initialValue.kFreeText).toBe("3");
    expect(reply.result.error.kFreeText[0]).toMatch(/^kFreeText|au moins|k/);
  });

  it("removing a dimension that still has indicators says so and keeps it", async () => {
    const response = asResponse(await editor.action({ request: post(`/frameworks/${frameworkId}/edit`, { intent: "removeDimension", id: "pouvoir_agir" }), params: { frameworkId }, context: {} }));
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.result.error[""][0]).toMatch(/^Cette dimension contient encore des indicateurs \(\d+\)/);
  });

  it("a valid save redirects back to the editor", async () => {
    const response = asResponse(await editor.action({
      request: post(`/frameworks/${frameworkId}/edit`, { intent: "dimension", labelFr: "Santé et bien-être", labelEn: "Health and well-being", descriptionFr: "Se sentir bien.", descriptionEn: "Feeling well.", weight: "1" }),
      params: { frameworkId },
      context: {},
    }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/frameworks/${frameworkId}/edit#dimension-sante_et_bien_etre`);
  });

  it("a council's own indicator needs neither English nor a bibliographic source: it cites the council's choice", async () => {
    const response = asResponse(await editor.action({
      request: post(`/frameworks/${frameworkId}/edit`, {
        intent: "indicator",
        dimension: "pouvoir_agir",
        level: "resultat",
        kind: "question",
        labelFr: "Fête de quartier",
        questionFr: "Êtes-vous venu à la fête de quartier ?",
        scale: "oui_non_5",
        polarity: "positive",
        audiences: ["residents"],
        weight: "1",
      }),
      params: { frameworkId },
      context: {},
    }));
    expect(response.status, JSON.stringify(response.status === 400 ? await response.clone().json() : null)).toBe(302);
    const location = response.headers.get("Location") ?? "";
    expect(location).toMatch(new RegExp(`^/frameworks/${frameworkId}/edit#indicator-`));
    const draft = await getFrameworkDraft(testDb.db, territoryId, frameworkId);
    const added = draft?.definition.indicators.find((i) => i.label.fr === "Fête de quartier");
    expect(added).toMatchObject({ label: { fr: "Fête de quartier", en: "" }, sources: ["choix-de-la-collectivite"] });
    expect(location).toBe(`/frameworks/${frameworkId}/edit#indicator-${added?.id}`);
    expect(draft?.definition.sources.find((s) => s.id === "choix-de-la-collectivite")?.title).toBe("Indicateur choisi par la collectivité");
  });

  it("publishing needs the confirmation box", async () => {
    const response = asResponse(await frameworkPage.action({ request: post(`/frameworks/${frameworkId}`, { intent: "publish" }), params: { frameworkId }, context: {} }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ fieldErrors: {}, formErrors: ["frameworks.errors.confirmPublish"] });
  });
});

describe("import over the form", () => {
  it("a bad file lists each issue with its path and French message, and writes nothing", async () => {
    const before = await rowCount();
    const file = JSON.parse(readFileSync("evaluation-frameworks/commande-publique-responsable.json", "utf8"));
    file.id = "nouveau";
    file.dimensions[0].weight = 0;
    delete file.indicators[0].question.en;
    const response = asResponse(await library.action({ request: upload(JSON.stringify(file)), params: {}, context: {} }));
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.issues.map((i: { path: string }) => i.path)).toEqual(["dimensions[0].weight", "indicators[0].question.en"]);
    expect(reply.issues[0].message.fr).toMatch(/^Le poids doit être un nombre supérieur à 0/);
    expect(reply.issues[1].message.fr).toMatch(/^Le texte anglais \(« en »\) manque/);
    expect(await rowCount()).toBe(before);
  });

  it("a missing file and a file over 1 MB are refused with a clear message", async () => {
    const empty = asResponse(await library.action({ request: upload(""), params: {}, context: {} }));
    expect(await empty.json()).toEqual({ errorKey: "frameworks.errors.fileMissing" });
    const big = asResponse(await library.action({ request: upload(" ".repeat(1_100_000)), params: {}, context: {} }));
    expect(big.status).toBe(400);
    expect(await big.json()).toEqual({ errorKey: "frameworks.errors.fileTooLarge" });
  });

  it("a good file creates a framework and opens it", async () => {
    const file = JSON.parse(readFileSync("evaluation-frameworks/commande-publique-responsable.json", "utf8"));
    file.id = "achats-responsables";
    const response = asResponse(await library.action({ request: upload(JSON.stringify(file)), params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/frameworks\/[\w-]+$/);
  });
});

describe("export", () => {
  it("downloads <id>.json with the schema reference", async () => {
    const response = await exportRoute.loader({ request: new Request(`http://localhost/frameworks/${frameworkId}/export?version=1`, { headers: { cookie } }), params: { frameworkId }, context: {} });
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="cadre-de-demo.json"');
    expect((await response.json()).$schema).toBe("./framework.schema.json");
  });
});

describe("another territory", () => {
  it("gets 404 on the framework page, its editor, its export and its actions", async () => {
    const params = { frameworkId };
    const get = (path: string) => new Request(`http://localhost${path}`, { headers: { cookie: strangerCookie } });
    expect(await statusOf(() => frameworkPage.loader({ request: get(`/frameworks/${frameworkId}`), params, context: {} }))).toBe(404);
    expect(await statusOf(() => editor.loader({ request: get(`/frameworks/${frameworkId}/edit`), params, context: {} }))).toBe(404);
    expect(await statusOf(() => exportRoute.loader({ request: get(`/frameworks/${frameworkId}/export`), params, context: {} }))).toBe(404);
    const publish = post(`/frameworks/${frameworkId}`, { intent: "publish", confirm: "on" }, strangerCookie);
    expect(await statusOf(() => frameworkPage.action({ request: publish, params, context: {} }))).toBe(404);
    const edit = post(`/frameworks/${frameworkId}/edit`, { intent: "removeIndicator", id: "pa_confiance" }, strangerCookie);
    expect(await statusOf(() => editor.action({ request: edit, params, context: {} }))).toBe(404);
    const status = await testDb.db.selectFrom("framework_version").select("status").where("framework_id", "=", frameworkId).executeTakeFirstOrThrow();
    expect(status.status).toBe("draft");
  });
});
