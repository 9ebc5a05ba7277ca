import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { createUser } from "@/test/factories";
import { apiWorkspace, ledgerSum, usageRequest } from "@/test/metering";
import {
  adjustWorkspaceCredits,
  compWorkspace,
  creditsFormSchema,
  revokeWorkspaceKey,
  suspendWorkspace,
  unsuspendWorkspace,
} from "./workspace-actions";
import { workspaceAudit, workspaceLedger } from "./workspaces";

const STANDARD = "poster-editor:inpaint-standard";
let admin: { id: string; email: string };

beforeAll(async () => {
  const user = await createUser({ role: "admin", verified: true });
  admin = { id: user.id, email: user.email };
});

const credits = (
  workspaceId: string,
  direction: string,
  amount: string,
  idempotencyKey = randomUUID(),
  reason = "Goodwill after an outage",
) => creditsFormSchema.parse({ workspaceId, direction, amount, reason, idempotencyKey });

async function call(key: string) {
  const res = await usage(usageRequest(key, { model: STANDARD }));
  return { status: res.status, body: await res.json() };
}

const auditFor = (workspaceId: string, action: string) =>
  db.auditLog.findMany({
    where: { targetType: "workspace", targetId: workspaceId, action },
    orderBy: { createdAt: "asc" },
  });

describe("grant and deduct credits", () => {
  it("grants, deducts, stores the reason and audits it; the same key twice is one entry", async () => {
    const { workspace } = await apiWorkspace();
    const key = randomUUID();
    const granted = await adjustWorkspaceCredits(admin, credits(workspace.id, "grant", "250", key));
    expect(granted).toMatchObject({
      applied: true,
      balanceMillicredits: 250_000n,
      workspaceName: workspace.name,
    });
    const again = await adjustWorkspaceCredits(admin, credits(workspace.id, "grant", "250", key));
    expect(again).toMatchObject({ applied: false, balanceMillicredits: 250_000n });

    const deducted = await adjustWorkspaceCredits(
      admin,
      credits(workspace.id, "deduct", "100.5", randomUUID(), "Refunded by bank transfer"),
    );
    expect(deducted).toMatchObject({ applied: true, balanceMillicredits: 149_500n });

    const entries = await db.ledgerEntry.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { seq: "asc" },
    });
    expect(entries).toMatchObject([
      {
        kind: "admin_adjustment",
        amountMillicredits: 250_000n,
        balanceAfterMillicredits: 250_000n,
        reference: `admin:${key}`,
        reason: "Goodwill after an outage",
        actorId: admin.id,
      },
      {
        kind: "admin_adjustment",
        amountMillicredits: -100_500n,
        balanceAfterMillicredits: 149_500n,
        reason: "Refunded by bank transfer",
        actorId: admin.id,
      },
    ]);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).balanceMillicredits).toBe(
      149_500n,
    );
    expect(await ledgerSum(workspace.id)).toBe(149_500n);

    const audit = await auditFor(workspace.id, "credits.adjust");
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      after: { millicredits: 250_000, reason: "Goodwill after an outage", balanceAfter: "250000" },
    });
    expect(audit[1]).toMatchObject({
      after: { millicredits: -100_500, reason: "Refunded by bank transfer", balanceAfter: "149500" },
    });

    const page = await workspaceLedger(workspace.id, 1);
    expect(page.rows.map((r) => [r.amountMillicredits, r.actorEmail])).toEqual([
      [-100_500n, admin.email],
      [250_000n, admin.email],
    ]);
  });

  it("refuses a deduct below zero with a readable message and changes nothing", async () => {
    const { workspace } = await apiWorkspace({ balance: 5_000n });
    const error = await adjustWorkspaceCredits(admin, credits(workspace.id, "deduct", "6")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      `Deducting 6 credits would take ${workspace.name} below zero: its balance is 5 credits. Nothing was changed.`,
    );
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).balanceMillicredits).toBe(
      5_000n,
    );
    expect(await db.ledgerEntry.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await auditFor(workspace.id, "credits.adjust")).toHaveLength(0);
  });

  it("applies a double submit racing with one key once", async () => {
    const { workspace } = await apiWorkspace();
    const form = credits(workspace.id, "grant", "10");
    const results = await Promise.all([
      adjustWorkspaceCredits(admin, form),
      adjustWorkspaceCredits(admin, form),
      adjustWorkspaceCredits(admin, form),
    ]);
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).balanceMillicredits).toBe(
      10_000n,
    );
    expect(await db.ledgerEntry.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await auditFor(workspace.id, "credits.adjust")).toHaveLength(1);
  });

  it("reads amounts as credits with up to 3 decimals and refuses anything else", async () => {
    expect(credits("w", "grant", "1,500.25").amount).toBe(1_500_250n);
    expect(credits("w", "deduct", "0.001").amount).toBe(1n);
    for (const amount of ["", "0", "-5", "1.0001", "abc", "2000000000"]) {
      const parsed = creditsFormSchema.safeParse({
        workspaceId: "w",
        direction: "grant",
        amount,
        reason: "x",
        idempotencyKey: randomUUID(),
      });
      expect(parsed.success, amount).toBe(false);
    }
    expect(
      creditsFormSchema.safeParse({
        workspaceId: "w",
        direction: "grant",
        amount: "5",
        reason: "  ",
        idempotencyKey: randomUUID(),
      }).success,
    ).toBe(false);
    await expect(
      adjustWorkspaceCredits(admin, credits("no-such-workspace", "grant", "5")),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("suspend, revoke, comp", () => {
  it("a suspended workspace's calls get 403 workspace_suspended at once; unsuspended they work again", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    expect((await call(key)).status).toBe(200);
    await suspendWorkspace(admin, { workspaceId: workspace.id, reason: "Chargeback investigation" });
    const refused = await call(key);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("workspace_suspended");
    await expect(suspendWorkspace(admin, { workspaceId: workspace.id, reason: "again" })).rejects.toThrow(
      `${workspace.name} is already suspended.`,
    );

    await unsuspendWorkspace(admin, { workspaceId: workspace.id, reason: null });
    expect((await call(key)).status).toBe(200);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).suspendedAt).toBeNull();

    const [suspended] = await auditFor(workspace.id, "workspace.suspend");
    expect(suspended).toMatchObject({ actorId: admin.id, after: { reason: "Chargeback investigation" } });
    expect(await auditFor(workspace.id, "workspace.unsuspend")).toHaveLength(1);
    await expect(
      suspendWorkspace(admin, { workspaceId: "no-such-workspace", reason: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a revoked key is refused with 401, and the revoke shows in the workspace's audit", async () => {
    const { workspace, key, apiKey } = await apiWorkspace({ balance: 1_000_000n });
    const other = await apiWorkspace();
    await expect(
      revokeWorkspaceKey(admin, { workspaceId: other.workspace.id, id: apiKey.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await call(key)).status).toBe(200);

    await revokeWorkspaceKey(admin, { workspaceId: workspace.id, id: apiKey.id });
    const refused = await call(key);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("invalid_api_key");
    await expect(revokeWorkspaceKey(admin, { workspaceId: workspace.id, id: apiKey.id })).rejects.toThrow(
      "already revoked",
    );

    const audit = await workspaceAudit(workspace.id, 1);
    expect(audit.rows.map((r) => r.action)).toContain("api_key.revoke");
    expect(audit.rows.find((r) => r.action === "api_key.revoke")).toMatchObject({
      actorId: admin.id,
      targetId: apiKey.id,
    });
  });

  it("a comp plan puts the workspace on the tier with provider manual", async () => {
    const { workspace } = await apiWorkspace();
    const result = await compWorkspace(admin, { workspaceId: workspace.id, tier: "pro", interval: "year" });
    expect(result).toMatchObject({ tierName: "Pro", workspaceName: workspace.name });
    const sub = await liveSubscription(workspace.id);
    expect(sub).toMatchObject({
      provider: "manual",
      interval: "year",
      status: "active",
      tier: { code: "pro" },
    });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).accountType).toBe(
      "subscription",
    );
    expect(await auditFor(workspace.id, "subscription.manual")).toHaveLength(1);
    await expect(
      compWorkspace(admin, { workspaceId: workspace.id, tier: "no-such-tier", interval: "month" }),
    ).rejects.toThrow(/Unknown or archived tier/);
    await expect(
      compWorkspace(admin, { workspaceId: "no-such-workspace", tier: "pro", interval: "month" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
