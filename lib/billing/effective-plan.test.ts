import { describe, expect, it } from "vitest";
import { db, type SubscriptionStatus } from "@/lib/db";
import { describeWorkspace } from "@/lib/workspaces/administration";
import { authenticate } from "@/lib/metering/authenticate";
import { workspaceOverview } from "@/lib/metering/reports";
import { apiWorkspace } from "@/test/metering";
import { planOf } from "./plan";
import { effectivePlan } from "./subscriptions";

const DAY = 864e5;

async function subscribe(
  workspaceId: string,
  code: string,
  more: { status?: SubscriptionStatus; createdAt?: Date; scheduledTo?: string } = {},
) {
  const tier = await db.tier.findUniqueOrThrow({ where: { code } });
  const scheduled = more.scheduledTo
    ? await db.tier.findUniqueOrThrow({ where: { code: more.scheduledTo } })
    : null;
  const now = new Date();
  await db.subscription.create({
    data: {
      workspaceId,
      tierId: tier.id,
      status: more.status ?? "active",
      scheduledTierId: scheduled?.id ?? null,
      currentPeriodStart: now,
      currentPeriodEnd: new Date(now.getTime() + 30 * DAY),
      createdAt: more.createdAt ?? now,
    },
  });
}

/** The tier every reader of the rule sees: the domain function, the metering SQL, /admin and the dashboard. */
async function tierSeenBy(workspaceId: string, key: string) {
  return {
    effectivePlan: (await effectivePlan(workspaceId)).tier.code,
    metering: (await authenticate(`Bearer ${key}`)).tier.code,
    management: (await describeWorkspace(workspaceId)).tier,
    dashboard: (await workspaceOverview(workspaceId)).tier.code,
  };
}
const everywhere = (code: string) => ({
  effectivePlan: code,
  metering: code,
  management: code,
  dashboard: code,
});

describe("effective plan: the one definition", () => {
  it.each([
    ["active", "pro"],
    ["trialing", "pro"],
    ["past_due", "pro"], // the grace period keeps the plan
    ["canceled", "free"],
    ["incomplete", "free"],
  ] as const)("status %s puts the workspace on %s, for every reader", async (status, expected) => {
    const { workspace, key } = await apiWorkspace();
    await subscribe(workspace.id, "pro", { status });
    expect(await tierSeenBy(workspace.id, key)).toEqual(everywhere(expected));
  });

  it("is free without any subscription", async () => {
    const { workspace, key } = await apiWorkspace();
    expect(await tierSeenBy(workspace.id, key)).toEqual(everywhere("free"));
    expect((await effectivePlan(workspace.id)).subscription).toBeNull();
  });

  it("takes the newest live subscription, and a scheduled downgrade waits for its start", async () => {
    const { workspace, key } = await apiWorkspace();
    await subscribe(workspace.id, "starter", { createdAt: new Date(Date.now() - 2 * DAY) });
    await subscribe(workspace.id, "pro", { scheduledTo: "starter" });
    await subscribe(workspace.id, "enterprise", {
      status: "canceled",
      createdAt: new Date(Date.now() + DAY),
    });
    expect(await tierSeenBy(workspace.id, key)).toEqual(everywhere("pro"));
  });
});

describe("the plan's daily quota: the version it was sold at", () => {
  it("every reader takes the subscription's version, not the tier's current terms", async () => {
    const { workspace, key } = await apiWorkspace({ accountType: "subscription" });
    await subscribe(workspace.id, "pro");
    const pro = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    // An older version of Pro (not its current one) with its own quota.
    const old = await db.planVersion.create({
      data: {
        tierId: pro.id,
        version: 1_000 + Math.floor(Math.random() * 1e6),
        monthlyPriceCents: 5_900,
        annualPriceCents: 59_000,
        includedMillicredits: 50_000_000n,
        dailyQuotaUnits: 1_234,
      },
    });
    await db.subscription.updateMany({
      where: { workspaceId: workspace.id },
      data: { planVersionId: old.id },
    });
    expect({
      plan: (await planOf(workspace.id)).dailyQuotaUnits,
      metering: (await authenticate(`Bearer ${key}`)).plan.dailyQuotaUnits,
      management: (await describeWorkspace(workspace.id)).quota?.limit,
      dashboard: (await workspaceOverview(workspace.id)).quota?.limit,
    }).toEqual({ plan: 1_234, metering: 1_234, management: 1_234, dashboard: 1_234 });
    expect(pro.dailyQuotaUnits).not.toBe(1_234);
  });
});
