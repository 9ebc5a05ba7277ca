import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type LedgerKind } from "@/lib/db";
import { authenticate, type ApiCaller } from "@/lib/metering/authenticate";
import { invalidateCatalogSnapshot } from "@/lib/metering/catalog-cache";
import { chargeUsage, chargeUsageBatch } from "@/lib/metering/charge";
import { commitReservation, holdCredits, releaseReservation } from "@/lib/metering/reservations";
import { bucketsOf, expectLedgerInvariant, pastExpiry } from "@/test/buckets";
import { apiWorkspace } from "@/test/metering";
import { bucketSource, expireDueCredits, purchaseReference, SOURCE_PRIORITY } from "./buckets";
import { changeBalance } from "./ledger";

// A model-based test of the credit ledger (after TigerBeetle's simulator): random sequences of
// grants, charges, batch charges, parallel bursts from two API keys, holds, commits, releases,
// debits, refunds, expiries and expiry sweeps run against the real PostgreSQL functions, and after
// every step the database must agree with a plain in-memory model of buckets and balance, and
// balance = sum of buckets = sum of ledger with no bucket below zero.
// CI runs a fixed seed; `npm run test:ledger-model` runs longer (LEDGER_MODEL_RUNS, LEDGER_MODEL_SEED).

const RUNS = Number(process.env.LEDGER_MODEL_RUNS ?? 12);
const SEED = Number(process.env.LEDGER_MODEL_SEED ?? 20261202);
const CHAT = "chat:gpt-4o-mini";
const USAGES = [
  { inputTokens: 1_000, outputTokens: 1_000 },
  { inputTokens: 500, outputTokens: 200 },
  { inputTokens: 3_000, outputTokens: 0 },
  { inputTokens: 0, outputTokens: 2_500 },
] as const;
const GRANT_KINDS = ["monthly_grant", "coupon", "admin_adjustment", "purchase"] as const;

type Bucket = { id: string; priority: number; expiresAt: number | null; seq: bigint; remaining: bigint };
type Hold = { id: string; held: bigint; draws: [string, bigint][] };

/** The plain model: what the ledger should hold, computed without the database. */
class Model {
  balance = 0n;
  buckets: Bucket[] = [];
  holds: Hold[] = [];
  purchases: string[] = [];

  expireDue() {
    for (const b of this.buckets)
      if (b.expiresAt !== null && b.expiresAt <= Date.now() && b.remaining > 0n) {
        this.balance -= b.remaining;
        b.remaining = 0n;
      }
  }

  draw(amount: bigint) {
    const order = [...this.buckets].sort(
      (a, b) =>
        a.priority - b.priority ||
        (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) ||
        Number(a.seq - b.seq),
    );
    const draws: [string, bigint][] = [];
    for (const b of order) {
      if (amount === 0n) break;
      const take = b.remaining < amount ? b.remaining : amount;
      if (take === 0n) continue;
      b.remaining -= take;
      amount -= take;
      draws.push([b.id, take]);
    }
    if (amount !== 0n) throw new Error("model: buckets hold less than the balance");
    return draws;
  }

  /** A debit as the database takes it: due buckets expire first, then all or nothing. */
  debit(amount: bigint, from?: string) {
    this.expireDue();
    if (this.balance < amount) return false;
    this.balance -= amount;
    const first = from ? this.buckets.find((b) => b.id === from) : undefined;
    if (first) {
      const take = first.remaining < amount ? first.remaining : amount;
      first.remaining -= take;
      amount -= take;
    }
    return this.draw(amount);
  }

  giveBack(draws: [string, bigint][]) {
    for (const [id, amount] of draws) this.buckets.find((b) => b.id === id)!.remaining += amount;
  }
}

const usage = fc.integer({ min: 0, max: USAGES.length - 1 });
const pick = fc.nat({ max: 1_000 });
const op = fc.oneof(
  {
    // Grants weigh more, so that histories spend more than they are refused.
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("grant" as const),
      kind: fc.constantFrom(...GRANT_KINDS),
      amount: fc.integer({ min: 1, max: 20_000 }),
      days: fc.integer({ min: 1, max: 60 }),
    }),
  },
  fc.record({ op: fc.constant("charge" as const), usage, client: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constant("batch" as const), usages: fc.array(usage, { minLength: 1, maxLength: 5 }) }),
  fc.record({ op: fc.constant("burst" as const), usage, n: fc.integer({ min: 2, max: 6 }) }),
  fc.record({ op: fc.constant("hold" as const), usage }),
  fc.record({ op: fc.constant("commit" as const), pick, usage }),
  fc.record({ op: fc.constant("release" as const), pick }),
  fc.record({ op: fc.constant("debit" as const), amount: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ op: fc.constant("refund" as const), pick, amount: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ op: fc.constant("expire" as const), pick }),
  fc.record({ op: fc.constant("sweep" as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let tierCode: string;
/** What each usage costs on the test tier, as the pricing code says (read once, from a hold). */
const prices: bigint[] = [];

beforeAll(async () => {
  // A private tier without a daily quota, so every call draws credits.
  tierCode = `ledger-model-${randomUUID().slice(0, 8)}`;
  const chat = await db.model.findUniqueOrThrow({ where: { key: CHAT } });
  await db.tier.create({
    data: {
      code: tierCode,
      name: "Ledger model",
      monthlyPriceCents: 0,
      annualPriceCents: 0,
      dailyQuotaUnits: 0,
      rateLimitPerMinute: 1_000_000,
      rank: 900,
      isPublic: false,
      models: { create: { modelId: chat.id } },
    },
  });
  invalidateCatalogSnapshot();
  const scratch = await apiWorkspace({ tier: tierCode, balance: 10_000_000n });
  const caller = await authenticate(`Bearer ${scratch.key}`);
  for (const u of USAGES) {
    const hold = await holdCredits(caller, { model: CHAT, ...u });
    prices.push(hold.heldMillicredits);
    await releaseReservation(scratch.workspace.id, hold.id);
  }
});

async function run(ops: Op[]) {
  const { workspace, key } = await apiWorkspace({ tier: tierCode });
  const ws = workspace.id;
  const second = await apiWorkspace({ tier: tierCode }); // a second key on the same workspace:
  await db.apiKey.update({ where: { id: second.apiKey.id }, data: { workspaceId: ws } });
  const clients: ApiCaller[] = [
    await authenticate(`Bearer ${key}`),
    await authenticate(`Bearer ${second.key}`),
  ];
  const model = new Model();
  const refused = (e: unknown) => {
    if ((e as { status?: number }).status !== 402) throw e;
    return null;
  };

  for (const [step, o] of ops.entries()) {
    const where = `step ${step}: ${JSON.stringify(o)}`;
    switch (o.op) {
      case "grant": {
        const reference = o.kind === "purchase" ? purchaseReference(randomUUID()) : `model:${randomUUID()}`;
        const expiresAt = o.kind === "monthly_grant" ? new Date(Date.now() + o.days * 864e5) : undefined;
        const kind: LedgerKind = o.kind;
        await changeBalance({
          workspaceId: ws,
          kind,
          amountMillicredits: BigInt(o.amount),
          reference,
          expiresAt,
        });
        const row = await db.creditBucket.findUniqueOrThrow({
          where: { workspaceId_ledgerKind_reference: { workspaceId: ws, ledgerKind: kind, reference } },
        });
        expect(row.priority, where).toBe(SOURCE_PRIORITY[bucketSource(kind)]);
        model.buckets.push({
          id: row.id,
          priority: row.priority,
          expiresAt: row.expiresAt?.getTime() ?? null,
          seq: row.seq,
          remaining: BigInt(o.amount),
        });
        model.balance += BigInt(o.amount);
        if (o.kind === "purchase") model.purchases.push(reference);
        break;
      }
      case "charge": {
        const got = await chargeUsage(clients[o.client], { model: CHAT, ...USAGES[o.usage] }, null).catch(
          refused,
        );
        const want = model.debit(prices[o.usage]);
        expect(got?.chargedMillicredits ?? null, where).toBe(want ? prices[o.usage] : null);
        break;
      }
      case "batch": {
        const got = await chargeUsageBatch(
          clients[0],
          o.usages.map((u) => ({ input: { model: CHAT, ...USAGES[u] }, idempotencyKey: null })),
        );
        got.forEach((g) => g.ok || refused(g.error));
        const want = o.usages.map((u) => Boolean(model.debit(prices[u])));
        expect(
          got.map((g) => g.ok),
          where,
        ).toEqual(want);
        break;
      }
      case "burst": {
        const got = await Promise.all(
          Array.from({ length: o.n }, (_, i) =>
            chargeUsage(clients[i % 2], { model: CHAT, ...USAGES[o.usage] }, null).catch(refused),
          ),
        );
        // Equal prices: however the calls interleave, as many succeed as the model lets in a row.
        const want = Array.from({ length: o.n }, () => model.debit(prices[o.usage])).filter(Boolean).length;
        expect(got.filter(Boolean).length, where).toBe(want);
        break;
      }
      case "hold": {
        const got = await holdCredits(clients[0], { model: CHAT, ...USAGES[o.usage] }).catch(refused);
        const draws = model.debit(prices[o.usage]);
        expect(Boolean(got), where).toBe(Boolean(draws));
        if (got && draws) model.holds.push({ id: got.id, held: got.heldMillicredits, draws });
        break;
      }
      case "commit":
      case "release": {
        if (!model.holds.length) break;
        const [hold] = model.holds.splice(o.pick % model.holds.length, 1);
        if (o.op === "release") {
          await releaseReservation(ws, hold.id);
          model.giveBack(hold.draws);
          model.balance += hold.held;
          break;
        }
        const got = await commitReservation(clients[0], hold.id, USAGES[o.usage]);
        model.expireDue();
        model.giveBack(hold.draws);
        model.balance += hold.held;
        const price = prices[o.usage];
        const charge = price < model.balance ? price : model.balance; // the work is done: as far as it goes
        model.balance -= charge;
        model.draw(charge);
        expect(got.chargedMillicredits, where).toBe(charge);
        break;
      }
      case "debit":
      case "refund": {
        const from =
          o.op === "refund" && model.purchases.length
            ? model.purchases[o.pick % model.purchases.length]
            : undefined;
        const got = await changeBalance({
          workspaceId: ws,
          kind: o.op === "refund" ? "refund" : "admin_adjustment",
          amountMillicredits: -BigInt(o.amount),
          reference: `${o.op}:${randomUUID()}`,
          from: from ? { kind: "purchase", reference: from } : undefined,
        }).catch(refused);
        const fromBucket = from
          ? (
              await db.creditBucket.findUniqueOrThrow({
                where: {
                  workspaceId_ledgerKind_reference: {
                    workspaceId: ws,
                    ledgerKind: "purchase",
                    reference: from,
                  },
                },
              })
            ).id
          : undefined;
        expect(Boolean(got), where).toBe(Boolean(model.debit(BigInt(o.amount), fromBucket)));
        break;
      }
      case "expire": {
        const live = model.buckets.filter((b) => b.remaining > 0n);
        if (!live.length) break;
        const b = live[o.pick % live.length];
        const at = new Date(Date.now() - 864e5 - step * 1_000); // the clock passes this bucket's expiry
        await pastExpiry(b.id, at);
        b.expiresAt = at.getTime();
        break;
      }
      case "sweep": {
        await expireDueCredits();
        model.expireDue();
        break;
      }
    }
    expect(await expectLedgerInvariant(ws), where).toBe(model.balance);
    const rows = await bucketsOf(ws);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.remainingMillicredits])), where).toEqual(
      Object.fromEntries(model.buckets.map((b) => [b.id, b.remaining])),
    );
  }
}

describe("the credit ledger against a model", () => {
  it(`agrees step by step over ${RUNS} random histories (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 60 }), (ops) => run(ops)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
