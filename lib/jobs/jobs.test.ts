import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { recordAudit } from "@/lib/audit/record";
import { changeBalance } from "@/lib/billing/ledger";
import { runLedgerCheck, runLedgerCheckNow } from "@/lib/billing/ledger-check";
import { db } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { createApiKey } from "@/lib/metering/api-keys";
import { createUser, creditsOnly } from "@/test/factories";
import { usageRequest } from "@/test/metering";
import { jobQueue } from "./boss";
import { handlers } from "./handlers";
import { sendDueJobs, startJobWorkers } from "./runtime";

/** The same job, twice in a row and three times at once: what a redelivery and two workers would do. */
async function runRepeatedly(run: () => Promise<unknown>) {
  await run();
  await Promise.all([run(), run(), run()]);
}
const job = {} as never;

/** A fresh workspace that starts from an empty balance and pays for every call with credits. */
async function ownedWorkspace() {
  const owner = await createUser({ verified: true });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: owner.id } });
  await creditsOnly(workspaceId);
  return { owner, workspaceId };
}

describe("ledger check", () => {
  it("finds a balance that is not the sum of its ledger, records the day once and alerts each admin once", async () => {
    const admin = await createUser({ role: "admin", verified: true });
    const { workspaceId } = await ownedWorkspace();
    await changeBalance({
      workspaceId,
      amountMillicredits: 5_000n,
      kind: "purchase",
      reference: randomUUID(),
    });
    const day = new Date().toISOString().slice(0, 10);
    await db.ledgerCheck.deleteMany({ where: { day } });
    await db.workspace.update({ where: { id: workspaceId }, data: { balanceMillicredits: 7_000n } }); // drift behind the ledger's back
    try {
      await runRepeatedly(() => handlers["ledger-check"](job));
      const check = await db.ledgerCheck.findUniqueOrThrow({ where: { day } });
      expect(check.workspacesChecked).toBe(await db.workspace.count());
      expect(check.mismatches).toContainEqual(
        expect.objectContaining({ workspaceId, balance: "7000", ledgerSum: "5000" }),
      );
      const alerts = await db.emailOutbox.findMany({
        where: { to: admin.email, template: "ledger-mismatch" },
      });
      expect(alerts).toHaveLength(1);
      expect(alerts[0].text).toContain("balance 7 credits, ledger sum 5 credits");
    } finally {
      await db.workspace.update({ where: { id: workspaceId }, data: { balanceMillicredits: 5_000n } });
      await db.ledgerCheck.deleteMany({ where: { day } });
    }
  });

  it("reports no mismatch when every balance matches", async () => {
    const day = new Date().toISOString().slice(0, 10);
    await db.ledgerCheck.deleteMany({ where: { day } });
    await handlers["ledger-check"](job);
    expect(await db.ledgerCheck.findUniqueOrThrow({ where: { day } })).toMatchObject({
      mismatchCount: 0,
      mismatches: [],
    });
    await db.ledgerCheck.deleteMany({ where: { day } });
  });
});

describe("ledger check, run now by an admin", () => {
  it("replaces today's result with a fresh one, audited, and the nightly run then skips the day", async () => {
    const admin = await createUser({ role: "admin", verified: true });
    const day = new Date().toISOString().slice(0, 10);
    await db.ledgerCheck.deleteMany({ where: { day } });
    try {
      await handlers["ledger-check"](job);
      const nightly = await db.ledgerCheck.findUniqueOrThrow({ where: { day } });
      const { workspaceId } = await ownedWorkspace(); // one more workspace since the nightly run
      const fresh = await runLedgerCheckNow({ id: admin.id, email: admin.email });
      expect(fresh).toMatchObject({ id: nightly.id, day, mismatchCount: 0 });
      expect(fresh.workspacesChecked).toBe(nightly.workspacesChecked + 1);
      expect(fresh.createdAt.getTime()).toBeGreaterThan(nightly.createdAt.getTime());
      expect(workspaceId).toBeTruthy();
      const audit = await db.auditLog.findFirstOrThrow({
        where: { action: "ledger_check.run", actorId: admin.id },
        orderBy: { seq: "desc" },
      });
      expect(audit).toMatchObject({ targetType: "ledger_check", targetId: nightly.id });
      expect(audit.after).toMatchObject({
        day,
        mismatchCount: 0,
        workspacesChecked: fresh.workspacesChecked,
      });
      expect(await runLedgerCheck()).toEqual({ day, skipped: true });
    } finally {
      await db.ledgerCheck.deleteMany({ where: { day } });
    }
  });
});

describe("renewal reminders", () => {
  it("remind once, three days before a plan that will not renew ends; renewing plans get none", async () => {
    const tier = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    const now = Date.now();
    const ending = await ownedWorkspace();
    const renewing = await ownedWorkspace();
    const later = await ownedWorkspace();
    const sub = (workspaceId: string, endsInDays: number, cancelAtPeriodEnd: boolean) =>
      db.subscription.create({
        data: {
          workspaceId,
          tierId: tier.id,
          cancelAtPeriodEnd,
          currentPeriodStart: new Date(now - 27 * 864e5),
          currentPeriodEnd: new Date(now + endsInDays * 864e5),
        },
      });
    await sub(ending.workspaceId, 2.5, true);
    await sub(renewing.workspaceId, 2.5, false);
    await sub(later.workspaceId, 5, true);
    await runRepeatedly(() => handlers["renewal-reminders"](job));
    const reminders = await db.emailOutbox.findMany({
      where: {
        template: "renewal-reminder",
        to: { in: [ending.owner.email, renewing.owner.email, later.owner.email] },
      },
    });
    expect(reminders.map((r) => [r.to, r.subject])).toEqual([
      [ending.owner.email, "Your Pro plan ends in 3 days"],
    ]);
  });
});

describe("audit retention", () => {
  it("deletes entries older than the retention setting and keeps the rest", async () => {
    // Entries join the hash chain at the time they are written, so write them "in the past".
    const at = async (daysAgo: number, action: string) => {
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - daysAgo * 864e5 });
      try {
        await recordAudit(db, { actor: null, action, targetType: "test" });
      } finally {
        vi.useRealTimers();
      }
      return db.auditLog.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });
    };
    const old = await at(400, "test.old");
    const recent = await at(300, "test.recent");
    await runRepeatedly(() => handlers["audit-retention"](job));
    expect(await db.auditLog.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.auditLog.findUnique({ where: { id: recent.id } })).not.toBeNull();
    // Retention normally removes the oldest end of the chain; here "old" sat at the newest end, so
    // drop its successor too and leave the shared test database's chain whole.
    await db.auditLog.delete({ where: { id: recent.id } });
  });
});

describe("the job queue", () => {
  it("sends each recurring queue in the minutes its cron names, once a minute however many processes send it", async () => {
    await startJobWorkers();
    const boss = await jobQueue();
    const since = new Date(Date.now() - 1000);
    // 2031-06-02 03:10 UTC, a Monday: every-minute queues and the hourly report emails are due.
    const minute = new Date("2031-06-02T03:10:00Z");
    const due = await sendDueJobs(boss, minute);
    expect(due).toContain("report-emails");
    expect(due).toContain("billing-clock");
    expect(due).not.toContain("ledger-check"); // 02:00
    expect(due).not.toContain("weekly-usage-summary"); // Mondays 08:00
    // The same minute again (the clock's second look, or another process): nothing more is sent.
    await sendDueJobs(boss, new Date("2031-06-02T03:10:30Z"));
    await sendDueJobs(boss, minute);
    const { rows } = await pool().query<{ n: string }>(
      `select count(*)::text as n from pgboss.job
        where name = 'report-emails' and created_on >= $1::timestamptz group by singleton_on`,
      [since.toISOString()],
    );
    expect(rows.map((r) => r.n)).toEqual(["1"]);
    expect(await boss.getSchedules()).toEqual([]); // pg-boss's own scheduler holds nothing
  });

  it("runs an alert raised by the metering path on a worker: the owner gets exactly one low-credits email", async () => {
    // Earlier test files leave alerts checks queued for their workspaces in the shared database; the
    // worker would work through all of them first, so how long this one waits would depend on file order.
    await (await jobQueue()).purgeQueue("alerts-check");
    await startJobWorkers();
    const { owner, workspaceId } = await ownedWorkspace();
    await changeBalance({
      workspaceId,
      amountMillicredits: 60_000n,
      kind: "purchase",
      reference: randomUUID(),
    }); // 60 credits: alert below 6
    const { key } = await createApiKey(null, workspaceId, {
      name: "test",
      monthlySpendCapMillicredits: null,
    });
    const call = () => usage(usageRequest(key, { model: "poster-editor:inpaint-standard" })); // 12 credits each
    for (let i = 0; i < 5; i++) expect((await call()).status).toBe(200); // 0 left
    expect((await call()).status).toBe(402);
    let emails = 0;
    for (let waited = 0; waited < 15_000 && emails === 0; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      emails = await db.emailOutbox.count({ where: { to: owner.email, template: "low-credits" } });
    }
    expect(emails).toBe(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await db.emailOutbox.count({ where: { to: owner.email, template: "low-credits" } })).toBe(1);
  });
});
