import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, type LedgerKind } from "@/lib/db";
import { authenticate } from "@/lib/metering/authenticate";
import { holdCredits, releaseReservation } from "@/lib/metering/reservations";
import { bucketsOf, expectLedgerInvariant, pastExpiry } from "@/test/buckets";
import { apiWorkspace } from "@/test/metering";
import { expireDueCredits, purchaseReference } from "./buckets";
import { changeBalance } from "./ledger";

const DAY = 864e5;
const CHAT = "chat:gpt-4o-mini";
// 1K input + 1K output tokens of CHAT on the free tier: 150 + 600 µ$ × 1.2 = 900 millicredits.
const SMALL_HOLD = { model: CHAT, inputTokens: 1_000, outputTokens: 1_000 };

async function grant(workspaceId: string, kind: LedgerKind, amount: bigint, expiresAt?: Date) {
  const reference = kind === "purchase" ? purchaseReference(randomUUID()) : `test:${randomUUID()}`;
  await changeBalance({ workspaceId, kind, amountMillicredits: amount, reference, expiresAt });
  return db.creditBucket.findUniqueOrThrow({
    where: { workspaceId_ledgerKind_reference: { workspaceId, ledgerKind: kind, reference } },
  });
}

const spend = (workspaceId: string, amount: bigint) =>
  changeBalance({
    workspaceId,
    kind: "admin_adjustment",
    amountMillicredits: -amount,
    reference: `spend:${randomUUID()}`,
  });

const remaining = async (workspaceId: string) =>
  Object.fromEntries((await bucketsOf(workspaceId)).map((b) => [b.id, b.remainingMillicredits]));

describe("credit buckets", () => {
  it("draw included credits first (soonest expiry first), then promotional, then purchased", async () => {
    const { workspace, key } = await apiWorkspace();
    const ws = workspace.id;
    const bought = await grant(ws, "purchase", 10_000n);
    const promo = await grant(ws, "coupon", 5_000n);
    const lateIncluded = await grant(ws, "monthly_grant", 3_000n, new Date(Date.now() + 20 * DAY));
    const soonIncluded = await grant(ws, "monthly_grant", 2_000n, new Date(Date.now() + 2 * DAY));
    expect(promo.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 364 * DAY); // the default 365 days
    expect(bought.expiresAt).toBeNull();

    await spend(ws, 4_000n);
    expect(await remaining(ws)).toEqual({
      [soonIncluded.id]: 0n,
      [lateIncluded.id]: 1_000n,
      [promo.id]: 5_000n,
      [bought.id]: 10_000n,
    });
    // Holds (the metering path) go on in the same order: the last 1,000 included, then promotional.
    const caller = await authenticate(`Bearer ${key}`);
    await holdCredits(caller, SMALL_HOLD);
    await holdCredits(caller, SMALL_HOLD);
    expect(await remaining(ws)).toEqual({
      [soonIncluded.id]: 0n,
      [lateIncluded.id]: 0n,
      [promo.id]: 5_000n - 800n,
      [bought.id]: 10_000n,
    });
    expect(await expectLedgerInvariant(ws)).toBe(20_000n - 4_000n - 1_800n);
  });

  it("take expired credits out of the balance with an expiry entry: at the next charge, or by the job", async () => {
    const a = await apiWorkspace();
    const included = await grant(a.workspace.id, "monthly_grant", 3_000n, new Date(Date.now() + DAY));
    await grant(a.workspace.id, "purchase", 1_000n);
    await pastExpiry(included.id);
    // 2,000 would fit the balance of 4,000, but 3,000 of it has expired: refused, and the expiry stays.
    await expect(spend(a.workspace.id, 2_000n)).rejects.toMatchObject({ status: 402 });
    expect(await expectLedgerInvariant(a.workspace.id)).toBe(1_000n);
    const expiry = await db.ledgerEntry.findMany({ where: { workspaceId: a.workspace.id, kind: "expiry" } });
    expect(expiry.map((e) => e.amountMillicredits)).toEqual([-3_000n]);
    expect(await db.creditBucket.findUniqueOrThrow({ where: { id: included.id } })).toMatchObject({
      remainingMillicredits: 0n,
      expiredMillicredits: 3_000n,
    });

    const b = await apiWorkspace();
    const promo = await grant(b.workspace.id, "referral", 5_000n);
    await pastExpiry(promo.id);
    expect(await expireDueCredits()).toBeGreaterThanOrEqual(1);
    expect(await expireDueCredits()).toBe(0); // nothing left to expire: run twice, one effect
    expect(await expectLedgerInvariant(b.workspace.id)).toBe(0n);
    expect(await db.ledgerEntry.count({ where: { workspaceId: b.workspace.id, kind: "expiry" } })).toBe(1);
  });

  it("give a released hold back to the buckets it drew from, and expire it there if that bucket has expired since", async () => {
    const { workspace, key } = await apiWorkspace();
    const ws = workspace.id;
    const included = await grant(ws, "monthly_grant", 1_000n, new Date(Date.now() + DAY));
    const bought = await grant(ws, "purchase", 5_000n);
    const caller = await authenticate(`Bearer ${key}`);
    const hold = await holdCredits(caller, { model: CHAT, inputTokens: 2_000, outputTokens: 2_000 }); // 1,800
    expect(await remaining(ws)).toEqual({ [included.id]: 0n, [bought.id]: 4_200n });

    await pastExpiry(included.id); // the month ends while the call runs
    await releaseReservation(ws, hold.id);
    expect(await remaining(ws)).toEqual({ [included.id]: 1_000n, [bought.id]: 5_000n });
    expect(await expectLedgerInvariant(ws)).toBe(6_000n);
    await expireDueCredits();
    expect(await remaining(ws)).toEqual({ [included.id]: 0n, [bought.id]: 5_000n });
    expect(await expectLedgerInvariant(ws)).toBe(5_000n);
  });

  it("claw a refund back from the bucket the payment filled first, never below zero", async () => {
    const { workspace } = await apiWorkspace();
    const ws = workspace.id;
    const reference = purchaseReference(`cs_${randomUUID()}`);
    await changeBalance({ workspaceId: ws, kind: "purchase", amountMillicredits: 8_000n, reference });
    const promo = await grant(ws, "coupon", 2_000n);
    await spend(ws, 1_000n); // from the promotional bucket
    await changeBalance({
      workspaceId: ws,
      kind: "refund",
      amountMillicredits: -8_000n,
      reference: `refund:${randomUUID()}`,
      from: { kind: "purchase", reference },
    });
    expect(await remaining(ws)).toMatchObject({ [promo.id]: 1_000n });
    expect(await expectLedgerInvariant(ws)).toBe(1_000n);
    await expect(
      changeBalance({
        workspaceId: ws,
        kind: "refund",
        amountMillicredits: -1_001n,
        reference: `refund:${randomUUID()}`,
        from: { kind: "purchase", reference },
      }),
    ).rejects.toMatchObject({ status: 402 });
    expect(await expectLedgerInvariant(ws)).toBe(1_000n);
  });

  it("stay exact under 40 parallel holds, grants and releases on one wallet", async () => {
    const { workspace, key } = await apiWorkspace();
    const ws = workspace.id;
    const included = await grant(ws, "monthly_grant", 9_000n, new Date(Date.now() + 5 * DAY));
    const bought = await grant(ws, "purchase", 9_000n);
    const caller = await authenticate(`Bearer ${key}`);
    // 40 holds of 900 against 18,000: exactly 20 can be held, included credits first.
    const holds = await Promise.allSettled(Array.from({ length: 40 }, () => holdCredits(caller, SMALL_HOLD)));
    const held = holds.flatMap((h) => (h.status === "fulfilled" ? [h.value] : []));
    expect(held).toHaveLength(20);
    expect(holds.filter((h) => h.status === "rejected").map((h) => h.reason.status)).toEqual(
      Array(20).fill(402),
    );
    expect(await remaining(ws)).toEqual({ [included.id]: 0n, [bought.id]: 0n });
    expect(await expectLedgerInvariant(ws)).toBe(0n);

    // Releases, new holds and grants interleaved: whatever order they land in, the books balance.
    await Promise.allSettled([
      ...held.slice(0, 10).map((h) => releaseReservation(ws, h.id)),
      ...Array.from({ length: 10 }, () => holdCredits(caller, SMALL_HOLD)),
      ...Array.from({ length: 5 }, () => grant(ws, "coupon", 900n)),
    ]);
    const open = await db.reservation.aggregate({
      where: { workspaceId: ws, status: "held" },
      _sum: { heldMillicredits: true },
    });
    expect(await expectLedgerInvariant(ws)).toBe(18_000n + 4_500n - open._sum.heldMillicredits!);
  });
});
