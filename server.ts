// `npm start`: migrate, seed the demo territory if the database is new, serve the built app.
import { randomUUID } from "node:crypto";
import { existsSync, statSync, watch } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { demoSummary } from "./seed/seed";
import { setupDatabase } from "./seed/setup";
import { db } from "./app/db.server";
import { handleSurveySubmit } from "./app/modules/surveys/submit-endpoint.server";
import { guardRequest } from "./app/lib/http/request-guard.server";
import { newNonce, setSecurityHeaders } from "./app/lib/http/security-headers";
import { compressResponse } from "./app/lib/http/compression";
import { firstForwarded, trustsProxy } from "./app/lib/http/proxy";
import type { RequestContext } from "./app/lib/http/load-context";
import { requestLogLine } from "./app/lib/http/request-log";
import { patternsOfManifest } from "./app/lib/http/route-pattern";
import { logger } from "./app/lib/log.server";
import { smtpTransport, startOutboxWorker } from "./app/modules/outbox/worker.server";

const isDev = process.env.NODE_ENV === "development";
const port = Number(process.env.PORT ?? 3000);
const BUILD_PATH = resolve("build/index.js");

if (!existsSync(BUILD_PATH)) {
  console.error("Le serveur n'est pas construit : lancez `npm start` (qui construit) ou `npm run build`.");
  process.exit(1);
}

const { path, seeded } = await setupDatabase();

async function importBuild(): Promise<ServerBuild> {
  // The query string makes Node load a rebuilt file instead of its cached module.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${statSync(BUILD_PATH).mtimeMs}`);
}

let build = await importBuild();
// The access log names route patterns, read from the build's route manifest (kept on rebuild).
let routePatterns = patternsOfManifest(build.routes);
const app = express();
app.disable("x-powered-by");
// Express reads X-Forwarded-* (req.ip, req.protocol, req.hostname) only behind a configured proxy.
app.set("trust proxy", trustsProxy());
// Remix reads the URL itself: Express need not parse every query string into req.query.
app.set("query parser", false);
// Static files carry their own long cache instead of the default no-store (set in createServer below),
// which comes back if no file answers and the request goes on to Remix.
function cached(serve: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => {
    res.removeHeader("Cache-Control");
    serve(req, res, (error?: unknown) => {
      if (!res.headersSent) res.setHeader("Cache-Control", "no-store");
      next(error);
    });
  };
}
// The access log (below, in createServer) has no IP and no URL, and no line for survey pages.
app.use("/build", cached(express.static("public/build", { immutable: true, maxAge: "1y" })));
// Other public files sit at the root with an extension (/favicon.svg): only such paths are
// looked up on disk, so a page like /r/:code does not cost a file-system stat first.
const publicFiles = cached(express.static("public", { maxAge: "1h" }));
app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
// Each response's CSP nonce, set before Express sees the request, read back for Remix's context.
const nonces = new WeakMap<IncomingMessage, string>();
function loadContext(req: express.Request): RequestContext {
  const forwardedFor = trustsProxy() ? firstForwarded(req.get("X-Forwarded-For")) : null;
  return { nonce: nonces.get(req) ?? "", clientIp: forwardedFor ?? req.socket.remoteAddress ?? "" };
}
const remix = createRequestHandler({ build: isDev ? async () => build : build, mode: isDev ? "development" : "production", getLoadContext: loadContext });
// Express 4 does not await a handler: a rejection goes to its error handler instead of ending the process.
app.all("*", (req, res, next) => {
  remix(req, res, next).catch(next);
});

// Every response gets the security headers first; malformed, cross-site and oversized requests
// are refused before anything reads them; the survey submit is answered before Express and Remix
// (see handleSurveySubmit); the rest is the app.
const server = createServer((req, res) => {
  const started = performance.now();
  const reqId = randomUUID();
  res.setHeader("X-Request-Id", reqId);
  res.on("finish", () => {
    const line = requestLogLine(routePatterns, req, res.statusCode, performance.now() - started, reqId);
    if (line) logger.info(line, "request");
  });
  const nonce = newNonce();
  nonces.set(req, nonce);
  setSecurityHeaders(res, nonce, isDev);
  // Every text response is compressed, the survey submit's included (app/lib/http/compression.ts).
  compressResponse(req, res);
  if (guardRequest(req, res) || handleSurveySubmit(db, req, res)) return;
  app(req, res);
});

function announce(demo: Awaited<ReturnType<typeof demoSummary>>) {
  const url = `http://localhost:${port}`;
  console.log(
    [
      "",
      `Évaluation partagée est prête : ${url}`,
      `Base de données : ${path}${seeded ? " (territoire de démo créé)" : ""}`,
      "",
      `Se connecter (collectivité) : ${url}/login — ${demo.admin.email} / ${demo.admin.password}`,
      `Se connecter (association)  : ${demo.association.email} / ${demo.association.password}`,
      ...demo.surveyLinks.map((l) => `Répondre à l'enquête (${l.group}) : ${url}/s/${l.code}`),
      ...(demo.publishedPath ? [`Évaluation partagée publiée (sans connexion) : ${url}${demo.publishedPath}`] : []),
      "",
    ].join("\n"),
  );
}

// A failure after start-up (reading the demo, reloading a rebuilt app) is logged, never left unhandled.
const logFailure = (what: string) => (error: unknown) => console.error(`${what}:`, error instanceof Error ? error.message : error);

// The outbox worker sends queued e-mails (only with SMTP_URL: otherwise the outbox page shows them).
const transport = smtpTransport();
const outboxWorker = transport ? await startOutboxWorker(db, { transport }) : null;

// A stop (SIGTERM from systemd, Docker, Ctrl+C) lets the e-mail being sent finish first, so it
// is recorded as sent rather than left "uncertain".
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    void (outboxWorker?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}

server.listen(port, () => {
  demoSummary(path)
    .then(announce)
    .then(() => (isDev ? broadcastDevReady(build) : undefined))
    .catch(logFailure("start-up message failed"));
});

if (isDev) {
  watch(resolve("build"), (_event, file) => {
    if (file !== "version.txt") return;
    importBuild()
      .then((rebuilt) => {
        build = rebuilt;
        routePatterns = patternsOfManifest(rebuilt.routes);
        return broadcastDevReady(rebuilt);
      })
      .catch(logFailure("reloading the rebuilt app failed"));
  });
}
