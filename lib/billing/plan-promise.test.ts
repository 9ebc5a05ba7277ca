import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { handlers } from "@/lib/jobs/handlers";
import { getPublicCatalog, type PublicTier } from "@/lib/catalog/public";
import { seatLimit } from "@/lib/catalog/seats";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/metering/api-keys";
import { utcMonthKey } from "@/lib/metering/time";
import { getSettings } from "@/lib/settings/settings";
import { balanceOf, buyer, subscribed } from "@/test/payments";
import { ledgerSum } from "@/test/metering";
import { grantIncludedCredits } from "./included-credits";

// Plans keep their promises (SPEC §8.2): what the pricing page and GET /api/v1/me say a plan
// includes — read from the public catalog the page renders — is what a fresh workspace on that
// plan receives, on day 1 and every month after, on monthly and annual billing alike.

const SEEDED = ["free", "starter", "pro", "enterprise"] as const;

/** What the pricing page promises for a tier (plan card, comparison table). */
async function promised(code: string) {
  const tier = (await getPublicCatalog()).tiers.find((t) => t.code === code) as PublicTier;
  return {
    includedMillicredits: BigInt(tier.includedMillicredits),
    dailyQuota: tier.dailyQuotaUnits,
    seats: seatLimit(Object.entries(tier.features).map(([key, f]) => ({ key, limitValue: f.limitValue }))),
  };
}

async function meOf(workspaceId: string) {
  const { key } = await createApiKey(null, workspaceId, { name: "promise" });
  const res = await me(
    new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${key}` } }),
  );
  expect(res.status).toBe(200);
  return res.json();
}

/** The job's step for one workspace, run twice and three times at once: one grant. */
async function monthTurns(workspaceId: string, at: Date) {
  const run = () => db.$transaction((tx) => grantIncludedCredits(tx, workspaceId, { at }));
  await run();
  await Promise.all([run(), run(), run()]);
}

const monthStart = (from: Date, plus: number) =>
  new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + plus, 1, 0, 5));

async function grantsOf(workspaceId: string, at: Date) {
  return db.ledgerEntry.findMany({
    where: {
      workspaceId,
      kind: "monthly_grant",
      reference: { startsWith: `grant:${workspaceId}:${utcMonthKey(at)}` },
    },
  });
}

async function freshWorkspace(code: string, interval: "month" | "year") {
  if (code === "free") return (await buyer()).workspaceId;
  return (await subscribed(code, interval)).workspaceId;
}

describe("plans keep their promises", () => {
  const cases: [string, "month" | "year"][] = SEEDED.flatMap((code) =>
    code === "free"
      ? [[code, "month"]]
      : ([
          [code, "month"],
          [code, "year"],
        ] as [string, "month" | "year"][]),
  );

  it.each(cases)(
    "%s (%s): day 1 and every month after, the workspace gets what the page and /me say",
    async (code, interval) => {
      const promise = await promised(code);
      expect(promise.includedMillicredits).toBeGreaterThan(0n);
      const workspaceId = await freshWorkspace(code, interval);
      const { rolloverPercent } = await getSettings();

      // Day 1: the month's included credits are there, and /me reads the same plan as the page.
      expect(await balanceOf(workspaceId)).toBe(promise.includedMillicredits);
      const body = await meOf(workspaceId);
      expect(body.tier.code).toBe(code);
      expect(body.accountType).toBe("subscription");
      expect(body.plan).toMatchObject({
        tier: code,
        interval: code === "free" ? "month" : interval,
        includedMillicredits: Number(promise.includedMillicredits),
        dailyQuota: promise.dailyQuota,
        seats: promise.seats,
      });
      expect(body.quota).toMatchObject({ used: 0, limit: promise.dailyQuota });
      expect(body.balance.millicredits).toBe(Number(promise.includedMillicredits));

      // Each following month (a year of them on annual billing): exactly the included credits again,
      // with the unused ones expiring and the rollover share carried over.
      const now = new Date();
      const months = interval === "year" ? 12 : 2;
      let balance = promise.includedMillicredits;
      for (let m = 1; m <= months; m++) {
        const at = monthStart(now, m);
        await monthTurns(workspaceId, at);
        const grants = await grantsOf(workspaceId, at);
        expect(grants.map((g) => g.amountMillicredits)).toEqual([promise.includedMillicredits]);
        // The rollover share is of last month's included credits (a rollover does not roll over again).
        const rollover = (promise.includedMillicredits * BigInt(rolloverPercent)) / 100n;
        balance = promise.includedMillicredits + rollover;
        expect(await balanceOf(workspaceId)).toBe(balance);
      }
      expect(await ledgerSum(workspaceId)).toBe(balance);
    },
    120_000,
  );

  it("the monthly job grants a workspace once, run twice and at once", async () => {
    const workspaceId = await freshWorkspace("free", "month");
    const job = {} as never;
    await handlers["monthly-grants"](job);
    await Promise.all([handlers["monthly-grants"](job), handlers["monthly-grants"](job)]);
    const grants = await grantsOf(workspaceId, new Date());
    expect(grants).toHaveLength(1);
    expect(await balanceOf(workspaceId)).toBe((await promised("free")).includedMillicredits);
  }, 120_000);

  it("at a month's turn, spent included credits are gone, the unused ones expire but for the rollover, and bought ones stay", async () => {
    const { workspaceId } = await buyer();
    const { includedMillicredits: included } = await promised("free");
    const { rolloverPercent } = await getSettings();
    const at = monthStart(new Date(), 1);
    // Spend 400 of the 1,000 included credits, then buy 5,000.
    const { changeBalance } = await import("./ledger");
    await changeBalance({
      workspaceId,
      amountMillicredits: -400_000n,
      kind: "usage",
      reference: "usage:promise",
    });
    await changeBalance({
      workspaceId,
      amountMillicredits: 5_000_000n,
      kind: "purchase",
      reference: "pack:promise",
    });
    await monthTurns(workspaceId, at);
    const unused = included - 400_000n;
    const rollover = (unused * BigInt(rolloverPercent)) / 100n;
    const turn = await db.ledgerEntry.findMany({
      where: { workspaceId, kind: { in: ["expiry", "rollover", "monthly_grant"] } },
      orderBy: { seq: "asc" },
      select: { kind: true, amountMillicredits: true },
    });
    expect(turn.slice(1)).toEqual([
      { kind: "expiry", amountMillicredits: -unused },
      ...(rollover > 0n ? [{ kind: "rollover", amountMillicredits: rollover }] : []),
      { kind: "monthly_grant", amountMillicredits: included },
    ]);
    expect(await balanceOf(workspaceId)).toBe(5_000_000n + rollover + included);
  });
});
