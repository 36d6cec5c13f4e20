import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../../db/connection";
import { handleSurveySubmit } from "../../app/modules/surveys/submit-endpoint.server";

export type SubmitServer = { url: string; close: () => Promise<void> };

/** The survey submit endpoint alone, served as server.ts serves it (before Remix), on a free port. */
export async function startSubmitServer(db: Db): Promise<SubmitServer> {
  const server = createServer((req, res) => {
    if (!handleSurveySubmit(db, req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
