import { createServer, type Server } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { sendInvitationEmails } from "../../app/modules/invitations/emails.server";
import { importInvitations } from "../../app/modules/invitations/import.server";
import { getInvitationsOverview } from "../../app/modules/invitations/invitations.server";
import { getCampaignParticipation } from "../../app/modules/participation/participation.server";
import { createTestDb, demoFacts } from "../helpers/db";
import { nth } from "../helpers/present";

type Received = { from: string; to: string[]; data: string };

/**
 * A minimal SMTP server on a local port (RFC 5321's happy path, no TLS, no auth): enough for
 * nodemailer's real SMTP transport to deliver to it, so the test goes through SMTP_URL itself.
 */
function startSmtpServer(rejectRecipient?: string): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket) => {
    let current: Received = { from: "", to: [], data: "" };
    let inData = false;
    let buffer = "";
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 OK queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        let reply = "250 OK";
        if (command === "EHLO" || command === "HELO") reply = "250 test";
        else if (command === "MAIL") current.from = line;
        else if (command === "RCPT") {
          if (rejectRecipient && line.includes(rejectRecipient)) reply = `550 No such user <${rejectRecipient}>`;
          else current.to.push(line);
        } else if (command === "DATA") {
          inData = true;
          reply = "354 End data with <CR><LF>.<CR><LF>";
        } else if (command === "RSET") current = { from: "", to: [], data: "" };
        if (command === "QUIT") socket.end("221 Bye\r\n");
        else socket.write(`${reply}\r\n`);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

describe("delivery through SMTP_URL", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let db: Db;
  let actor: { territoryId: string; userId: string };
  let campaignId: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeEach(async () => {
    testDb = await createTestDb({ seed: true });
    db = testDb.db;
    actor = (await demoFacts(db)).admin;
    campaignId = (await db.selectFrom("campaign").select("id").where("territory_id", "=", actor.territoryId).executeTakeFirstOrThrow()).id;
    await importInvitations(db, actor, campaignId, "email;groupe\nhelene@exemple.fr;residents\nrefus@exemple.fr;residents\n", false);
    smtp = await startSmtpServer("refus@exemple.fr");
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.MAIL_FROM = "Mairie de Démo <evaluation@demo.fr>";
  });
  afterEach(async () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    await new Promise((resolve) => smtp.server.close(resolve));
    await testDb.cleanup();
  });

  it("sending delivers each e-mail over SMTP after the transaction and records sent_at, or the error without the address", async () => {
    expect(await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr")).toEqual({ ok: true, queued: 2 });
    expect(smtp.received).toHaveLength(1);
    expect(nth(smtp.received, 0).from).toContain("evaluation@demo.fr");
    expect(nth(smtp.received, 0).to.join()).toContain("helene@exemple.fr");
    expect(nth(smtp.received, 0).data).toContain("Subject:");
    const rows = await db.selectFrom("outbox_message").select(["to_address", "sent_at", "error"]).orderBy("to_address").execute();
    expect(rows[0]).toMatchObject({ to_address: "helene@exemple.fr", error: null });
    expect(nth(rows, 0).sent_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ to_address: "refus@exemple.fr", sent_at: null });
    expect(nth(rows, 1).error).toMatch(/550/);
    expect(nth(rows, 1).error).not.toContain("refus@exemple.fr");
  });

  it("an invitation whose e-mail is still in the outbox says « en attente d'envoi », and participation counts only what left", async () => {
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    const statuses = (await getInvitationsOverview(db, actor.territoryId, campaignId)).personal.map((p) => [p.email, p.status]);
    expect(statuses).toEqual(expect.arrayContaining([["helene@exemple.fr", "sent"], ["refus@exemple.fr", "queued"]]));
    expect((await getCampaignParticipation(db, actor.territoryId, campaignId)).totals.sent).toBe(1);
  });

  it("without SMTP, nothing is counted as sent while the e-mails wait in the outbox", async () => {
    delete process.env.SMTP_URL;
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    const statuses = (await getInvitationsOverview(db, actor.territoryId, campaignId)).personal.map((p) => p.status);
    expect(statuses).toEqual(["queued", "queued"]);
    expect((await getCampaignParticipation(db, actor.territoryId, campaignId)).totals.sent).toBe(0);
  });
});
