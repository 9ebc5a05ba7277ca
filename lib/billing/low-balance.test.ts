import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { handlers } from "@/lib/jobs/handlers";
import { workspaceOverview } from "@/lib/metering/reports";
import { createUser, startingCredits } from "@/test/factories";
import { changeBalance } from "./ledger";
import { isBalanceLow, lastTopUp, lowBalanceThreshold } from "./low-balance";

const low = (balance: bigint, topUp: bigint | null) =>
  isBalanceLow({
    balanceMillicredits: balance,
    lastTopUp: topUp === null ? null : { amountMillicredits: topUp },
  });

describe("low balance: the one definition", () => {
  it("is strictly under 10% of the last top-up, rounded down to the millicredit", () => {
    expect(lowBalanceThreshold({ amountMillicredits: 5_000_000n })).toBe(500_000n);
    expect([low(499_999n, 5_000_000n), low(500_000n, 5_000_000n)]).toEqual([true, false]);
    expect([low(0n, 9n), low(0n, 10n)]).toEqual([false, true]); // 10% of 9 millicredits is 0
  });

  it("is never low without a top-up to measure against, even at zero", () => {
    expect(lowBalanceThreshold(null)).toBeNull();
    expect(low(0n, null)).toBe(false);
  });
});

async function personalWorkspace() {
  const owner = await createUser({ verified: true });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: owner.id } });
  return { owner, workspaceId };
}

const move = (
  workspaceId: string,
  amountMillicredits: bigint,
  kind: "purchase" | "coupon" | "admin_adjustment",
) =>
  changeBalance({
    workspaceId,
    amountMillicredits,
    kind,
    reference: `${kind}:${amountMillicredits}:${Math.random()}`,
  });

describe("low balance: the last top-up", () => {
  it("is the newest positive top-up (not the largest), read alike through the pool and through Prisma", async () => {
    const { workspaceId } = await personalWorkspace();
    // The free plan's credits for the month, granted at sign-up, are the first top-up.
    expect((await lastTopUp(workspaceId))?.amountMillicredits).toBe(await startingCredits());
    await move(workspaceId, 10_000_000n, "purchase");
    await move(workspaceId, 2_000_000n, "coupon");
    await move(workspaceId, -500_000n, "admin_adjustment"); // a deduction is not a top-up
    const viaPool = await lastTopUp(workspaceId);
    expect(viaPool?.amountMillicredits).toBe(2_000_000n);
    expect(await lastTopUp(workspaceId, db)).toEqual(viaPool);
    expect(await db.$transaction((tx) => lastTopUp(workspaceId, tx))).toEqual(viaPool);
  });

  it("makes the dashboard banner and the low-credits email agree at the threshold", async () => {
    const { owner, workspaceId } = await personalWorkspace();
    await move(workspaceId, 1_000_000n, "purchase"); // 1,000 credits: low below 100
    await move(workspaceId, -900_000n - (await startingCredits()), "admin_adjustment"); // exactly 100 left
    const emails = () => db.emailOutbox.count({ where: { to: owner.email, template: "low-credits" } });
    const check = () => handlers["alerts-check"]({ data: { workspaceId } } as never);

    await check();
    expect([isBalanceLow(await workspaceOverview(workspaceId)), await emails()]).toEqual([false, 0]);
    await move(workspaceId, -1n, "admin_adjustment");
    await check();
    expect([isBalanceLow(await workspaceOverview(workspaceId)), await emails()]).toEqual([true, 1]);
  });
});
