import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { sendInvitationEmails } from "../../app/modules/invitations/emails.server";
import { importInvitations } from "../../app/modules/invitations/import.server";
import { getInvitationsOverview } from "../../app/modules/invitations/invitations.server";
import { outboxBacklog, requeueMessage } from "../../app/modules/outbox/outbox.server";
import { DEFAULT_POLICY, type DeliveryPolicy } from "../../app/modules/outbox/retry-policy";
import { claimNextMessage, deliverDueMessages, markInterruptedDeliveries } from "../../app/modules/outbox/worker.server";
import { getCampaignParticipation } from "../../app/modules/participation/participation.server";
import { createTestDb, demoFacts } from "../helpers/db";
import { startSmtpServer, type SmtpServer } from "../helpers/smtp-server";

// The outbox is a queue: a request only writes messages; the worker claims each one, sends it
// over a real SMTP conversation (nodemailer to a local server), retries, records the outcome.

const FAST: DeliveryPolicy = { ...DEFAULT_POLICY, ratePerSecond: 1000, firstRetryMs: 30, maxRetryMs: 200, maxAttempts: 4 };

describe("the outbox queue over SMTP", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let db: Db;
  let actor: { territoryId: string; userId: string };
  let campaignId: string;
  let smtp: SmtpServer | undefined;

  async function useSmtp(options: Parameters<typeof startSmtpServer>[0]) {
    smtp = await startSmtpServer(options);
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    return { smtp, transport: nodemailer.createTransport(process.env.SMTP_URL) };
  }
  const outbox = () => db.selectFrom("outbox_message").select(["to_address", "status", "attempts", "sent_at", "error"]).orderBy("to_address").execute();
  const recipients = () => smtp!.received.flatMap((r) => r.to).map((to) => to.replace(/^RCPT TO:<|>.*$/gi, ""));

  beforeEach(async () => {
    testDb = await createTestDb({ seed: true });
    db = testDb.db;
    actor = (await demoFacts(db)).admin;
    campaignId = (await db.selectFrom("campaign").select("id").where("territory_id", "=", actor.territoryId).executeTakeFirstOrThrow()).id;
    await importInvitations(db, actor, campaignId, "email;groupe\nhelene@exemple.fr;residents\nrefus@exemple.fr;residents\n", false);
    process.env.MAIL_FROM = "Mairie de Démo <evaluation@demo.fr>";
  });
  afterEach(async () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    await smtp?.close();
    smtp = undefined;
    await testDb.cleanup();
  });

  it("the request only queues; the worker then sends each e-mail once, records sent_at, or the refusal without the address", async () => {
    const { smtp, transport } = await useSmtp({ rejectRecipient: "refus@exemple.fr" });
    expect(await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr")).toEqual({ ok: true, queued: 2 });
    expect(smtp.received).toHaveLength(0);
    expect((await outbox()).map((m) => m.status)).toEqual(["pending", "pending"]);

    expect(await deliverDueMessages(db, { transport, policy: FAST })).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.from).toContain("evaluation@demo.fr");
    expect(recipients()).toEqual(["helene@exemple.fr"]);
    const [helene, refus] = await outbox();
    expect(helene).toMatchObject({ status: "sent", attempts: 1, error: null });
    expect(helene!.sent_at).not.toBeNull();
    // 550 is permanent: given up at once, not retried.
    expect(refus).toMatchObject({ status: "failed", attempts: 1, sent_at: null });
    expect(refus!.error).toMatch(/550/);
    expect(refus!.error).not.toContain("refus@exemple.fr");
    expect(await deliverDueMessages(db, { transport, policy: FAST })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("a server that fails then recovers: each e-mail is tried again after a back-off and delivered exactly once", async () => {
    const { smtp, transport } = await useSmtp({ failFirst: 3 });
    // A back-off long enough that a loaded machine cannot make a message due before the check.
    const policy = { ...FAST, firstRetryMs: 1500, maxRetryMs: 3000 };
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    expect(await deliverDueMessages(db, { transport, policy })).toEqual({ sent: 0, retrying: 2, failed: 0 });
    // Not due yet: the back-off holds both messages back.
    expect(await deliverDueMessages(db, { transport, policy })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await outboxBacklog(db)).retrying).toBe(2);
    const deadline = Date.now() + 20_000;
    while ((await outbox()).some((m) => m.status !== "sent") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await deliverDueMessages(db, { transport, policy });
    }
    expect(smtp.refusedMail()).toBe(3);
    expect(recipients().sort()).toEqual(["helene@exemple.fr", "refus@exemple.fr"]);
    const rows = await outbox();
    expect(rows.map((m) => m.status)).toEqual(["sent", "sent"]);
    expect(rows.map((m) => m.attempts).reduce((a, b) => a + b)).toBe(5);
  });

  it("a server that keeps failing: the e-mail is given up after the attempt limit, and says so", async () => {
    const { smtp, transport } = await useSmtp({ failFirst: 1000 });
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    const policy = { ...FAST, maxAttempts: 2, firstRetryMs: 1 };
    await deliverDueMessages(db, { transport, policy });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deliverDueMessages(db, { transport, policy });
    expect((await outbox()).map((m) => [m.status, m.attempts])).toEqual([["failed", 2], ["failed", 2]]);
    expect(smtp.received).toHaveLength(0);
    expect(await outboxBacklog(db)).toMatchObject({ pending: 0, failed: 2 });
  });

  it("two workers at once never send the same e-mail twice: each claim is atomic", async () => {
    const many = Array.from({ length: 12 }, (_, i) => `personne${i}@exemple.fr;residents`).join("\n");
    await importInvitations(db, actor, campaignId, `email;groupe\n${many}\n`, false);
    const { transport } = await useSmtp({});
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    const [a, b] = await Promise.all([deliverDueMessages(db, { transport, policy: FAST }), deliverDueMessages(db, { transport, policy: FAST })]);
    expect(a.sent + b.sent).toBe(14);
    expect(recipients()).toHaveLength(14);
    expect(new Set(recipients()).size).toBe(14);
  });

  it("after a crash mid-send, the restarted worker marks the e-mail uncertain and never resends it by itself; a person can", async () => {
    const { smtp, transport } = await useSmtp({});
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    // A worker claimed a message, then the process died before recording the outcome.
    const claimed = await claimNextMessage(db);
    expect(claimed).toBeDefined();
    expect(await markInterruptedDeliveries(db)).toBe(1);
    expect(await deliverDueMessages(db, { transport, policy: FAST })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(recipients()).not.toContain(claimed!.to_address);
    expect((await outbox()).find((m) => m.to_address === claimed!.to_address)?.status).toBe("uncertain");
    expect(await requeueMessage(db, "another-territory", claimed!.id)).toBe(false);
    expect(await requeueMessage(db, actor.territoryId, claimed!.id)).toBe(true);
    await deliverDueMessages(db, { transport, policy: FAST });
    expect(recipients().filter((r) => r === claimed!.to_address)).toHaveLength(1);
    expect(smtp.received).toHaveLength(2);
  });

  it("an invitation whose e-mail is still in the outbox says « en attente d'envoi », and participation counts only what left", async () => {
    const { transport } = await useSmtp({ rejectRecipient: "refus@exemple.fr" });
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    await deliverDueMessages(db, { transport, policy: FAST });
    const statuses = (await getInvitationsOverview(db, actor.territoryId, campaignId)).personal.map((p) => [p.email, p.status]);
    expect(statuses).toEqual(expect.arrayContaining([["helene@exemple.fr", "sent"], ["refus@exemple.fr", "queued"]]));
    expect((await getCampaignParticipation(db, actor.territoryId, campaignId)).totals.sent).toBe(1);
  });

  it("without SMTP, nothing is counted as sent while the e-mails wait in the outbox", async () => {
    await sendInvitationEmails(db, actor, campaignId, "https://eval.exemple.fr");
    const statuses = (await getInvitationsOverview(db, actor.territoryId, campaignId)).personal.map((p) => p.status);
    expect(statuses).toEqual(["queued", "queued"]);
    expect((await getCampaignParticipation(db, actor.territoryId, campaignId)).totals.sent).toBe(0);
  });
});
