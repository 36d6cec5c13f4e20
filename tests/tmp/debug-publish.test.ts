import { it } from "vitest";
import { createDb } from "../../db/connection";
import { startAppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { signInCookie } from "../helpers/http";

it("debug publish", async () => {
  const server = await startAppServer({ DEMO_RESPONSES: "1" });
  const { db } = createDb(server.dbPath);
  const council = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
  const post = (path: string, fields: Record<string, string>) => fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie: council, origin: server.url }, redirect: "manual" });
  const campaign = await db.selectFrom("campaign").select("id").where("title", "like", "Évaluation 2026%").executeTakeFirstOrThrow();
  const base = `/campaigns/${campaign.id}`;
  for (const to of ["closed", "in_review"]) console.log(to, (await post(`${base}/transition`, { to })).status);
  for (const intent of ["open", "close"]) console.log(intent, (await post(`${base}/review`, { intent, target: "" })).status);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.on("console", (m) => console.log("CONSOLE", m.type(), m.text()));
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  page.on("response", async (r) => { if (r.request().method() === "POST" || r.url().includes(".data")) console.log("RESP", r.request().method(), r.url(), r.status(), JSON.stringify(r.headers()), (await r.text().catch(() => "")).slice(0, 300)); });
  await signIn(page, server.url, "elu@demo.fr", "demo-demo-demo");
  await page.goto(`${server.url}${base}/review`);
  await page.getByRole("button", { name: "Publier l'évaluation" }).click();
  await page.waitForTimeout(5000);
  console.log("URL", page.url());
  await browser.close();
  await db.destroy();
  await server.stop();
}, 200_000);
