import { describe, expect, it } from "vitest";
import { db, type SubscriptionStatus } from "@/lib/db";
import { describeWorkspace } from "@/lib/workspaces/administration";
import { authenticate } from "@/lib/metering/authenticate";
import { workspaceOverview } from "@/lib/metering/reports";
import { apiWorkspace } from "@/test/metering";
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
