import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { sqlCallBatch, sqlCallSet, type SqlArgs } from "@/lib/db/sql-call";
import { changeBalance } from "@/lib/billing/ledger";
import { expectLedgerInvariant } from "@/test/buckets";
import { apiWorkspace } from "@/test/metering";
import { authenticate } from "./authenticate";
import { chargeUsage, chargeUsageBatch } from "./charge";
import { chargeUsageBatchFn, chargeUsageFn } from "./sql";
import { utcDay, utcMonth } from "./time";

// tollgate_charge_usage_batch against tollgate_charge_usage called once per call: two identical
// workspaces get the same calls, one through each, and must end up the same — answers, events,
// ledger, buckets, counters. The set function's own count of per-call function calls (tracked in
// its transaction) shows which way it went: 0 when it took the batch in one pass.

type Args = SqlArgs<typeof chargeUsageFn>;
type Shared = Pick<Args, (typeof chargeUsageBatchFn.shared)[number]>;
type Call = Omit<Args, keyof Shared>;

const STANDARD = "poster-editor:inpaint-standard";
const FREE = "looping-flow:loop-preview";

async function modelIds() {
  const models = await db.model.findMany({ where: { key: { in: [STANDARD, FREE] } } });
  return Object.fromEntries(models.map((m) => [m.key, m.id]));
}

type Spec = {
  model?: string;
  charge?: bigint;
  mode?: string;
  units?: number;
  key?: string;
  rules?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
};

function calls(ids: Record<string, string>, tag: string, specs: Spec[]): Call[] {
  return specs.map((s, i) => ({
    p_event_id: `evt_${tag}_${String(i).padStart(3, "0")}`,
    p_model_id: ids[s.model ?? STANDARD],
    p_model_key: s.model ?? STANDARD,
    p_quantity: 1n,
    p_input_tokens: null,
    p_output_tokens: null,
    p_mode: s.mode ?? "credits",
    p_charge: s.charge ?? 12_000n,
    p_markup_bps: 2_000,
    p_price_version: 1,
    p_provider_cost: 10_000n,
    p_quota_units: s.units ?? 1,
    p_idempotency_key: s.key ?? null,
    p_request_hash: s.key ? `hash-${s.key}` : null,
    p_metadata: s.metadata ?? null,
    p_rules: s.rules ?? null,
  }));
}

const now = new Date();
const shared = (ws: { id: string }, apiKeyId: string, o: Partial<Shared> = {}): Shared => ({
  p_workspace_id: ws.id,
  p_api_key_id: apiKeyId,
  p_quota_limit: 0,
  p_day: utcDay(now),
  p_overage: false,
  p_cap: null,
  p_month: utcMonth(now),
  p_member_id: null,
  p_member_cap: null,
  ...o,
});

/** Runs a statement in its own transaction and counts the tollgate_charge_usage calls it made. */
async function run(statement: { text: string; values: unknown[] }) {
  const client = await pool().connect();
  // The backend's counts not yet flushed to the statistics, previous transactions' included.
  const calls = async () =>
    (
      await client.query<{ n: number }>(
        `select coalesce(pg_stat_get_xact_function_calls('tollgate_charge_usage'::regproc), 0)::int as n`,
      )
    ).rows[0].n;
  try {
    await client.query("begin");
    await client.query("set local track_functions = 'pl'");
    const before = await calls();
    const { rows } = await client.query(statement);
    const n = (await calls()) - before;
    await client.query("commit");
    return {
      rows: rows.map(({ ord, event_id, ...rest }) => ({ ord, event: event_id?.slice(-3), ...rest })),
      n,
    };
  } finally {
    client.release();
  }
}

/** What a workspace looks like after its calls, with its own ids taken out. */
async function stateOf(workspaceId: string) {
  const { rows: events } = await pool().query(
    `select right(id, 3) as n, "modelKey", quantity::text, "billedTo", "markupBps", "priceVersion",
            "providerCostMicros"::text, "chargedMillicredits"::text, "quotaUnits", "balanceAfterMillicredits"::text,
            "quotaUsedAfter", "quotaLimit", "idempotencyKey", "requestHash", metadata, "timeRuleId", "timeRuleVersion",
            "volumeRuleId", "volumeRuleVersion", "createdAt" = timezone('UTC', now()) as "stampedNow"
       from "UsageEvent" where "workspaceId" = $1 order by id`,
    [workspaceId],
  );
  const { rows: ledger } = await pool().query(
    `select kind, "amountMillicredits"::text, "balanceAfterMillicredits"::text,
            case when kind = 'usage' then right(reference, 3) else split_part(reference, ':', 1) end as ref
       from "LedgerEntry" where "workspaceId" = $1 order by seq`,
    [workspaceId],
  );
  const { rows: buckets } = await pool().query(
    `select "remainingMillicredits"::text from "CreditBucket" where "workspaceId" = $1 order by priority, seq`,
    [workspaceId],
  );
  const { rows: counters } = await pool().query(
    `select (select coalesce(sum(used), 0)::int from "QuotaCounter" where "workspaceId" = $1) as quota,
            (select coalesce(sum(s.millicredits), 0)::text from "ApiKeySpend" s join "ApiKey" k on k.id = s."apiKeyId"
              where k."workspaceId" = $1) as "keySpend"`,
    [workspaceId],
  );
  return {
    events,
    ledger,
    buckets: buckets.map((b) => b.remainingMillicredits as string),
    counters,
    balance: await expectLedgerInvariant(workspaceId),
  };
}

/** Two identical workspaces; the batch goes through the set function in one and call by call in the other. */
async function compare(
  specs: Spec[],
  opts: Parameters<typeof apiWorkspace>[0] & { quotaLimit?: number; grants?: bigint[]; before?: Spec[] } = {},
) {
  const ids = await modelIds();
  const twins: { side: string; workspace: { id: string }; apiKey: { id: string } }[] = [];
  const tag = randomUUID().slice(0, 8);
  for (const side of [`s${tag}`, `r${tag}`]) {
    const { workspace, apiKey } = await apiWorkspace(opts);
    for (const [i, amount] of (opts.grants ?? []).entries())
      await changeBalance({
        workspaceId: workspace.id,
        amountMillicredits: amount,
        kind: i % 2 ? "purchase" : "coupon",
        reference: `grant:${i}`,
        reason: "test",
      });
    twins.push({ side, workspace, apiKey });
  }
  const [set, ref] = twins;
  const args = (t: (typeof twins)[number]) =>
    shared(t.workspace, t.apiKey.id, {
      p_quota_limit: opts.quotaLimit ?? 0,
      p_overage: opts.overage ?? false,
      p_cap: opts.cap ?? null,
    });
  for (const t of twins)
    if (opts.before) await run(sqlCallBatch(chargeUsageFn, args(t), calls(ids, `${t.side}b`, opts.before)));
  const viaSet = await run(sqlCallSet(chargeUsageBatchFn, args(set), calls(ids, set.side, specs)));
  const viaCalls = await run(sqlCallBatch(chargeUsageFn, args(ref), calls(ids, ref.side, specs)));
  expect(viaCalls.n).toBe(specs.length);
  expect(viaSet.rows).toEqual(viaCalls.rows);
  expect(await stateOf(set.workspace.id)).toEqual(await stateOf(ref.workspace.id));
  return { perCallCalls: viaSet.n, rows: viaSet.rows, state: await stateOf(set.workspace.id) };
}

describe("a batch whose calls all succeed", () => {
  it("is charged in one pass, with each call's running balance, exactly as call by call", async () => {
    const { perCallCalls, rows, state } = await compare(
      [
        { charge: 12_000n },
        { charge: 36_000n, key: `k-${randomUUID()}`, metadata: { user: "u1" } },
        { charge: 0n }, // a zero price: no debit, no ledger line
        { model: FREE, mode: "free", charge: 0n },
        { charge: 18_000n, rules: { timeRuleId: "rule_peak", timeRuleVersion: 2 }, key: `k-${randomUUID()}` },
        ...Array.from({ length: 20 }, (_, i) => ({ charge: BigInt(1_000 + i * 7) })),
      ],
      // The total spans both buckets: the promotional one is drawn first.
      { grants: [50_000n, 1_000_000n] },
    );
    expect(perCallCalls).toBe(0);
    expect(rows.every((r) => r.outcome === "ok")).toBe(true);
    expect(state.buckets).toEqual(["0", String(1_050_000 - 66_000 - 20 * 1_000 - 7 * 190)]);
    expect(state.ledger.filter((l) => l.kind === "usage")).toHaveLength(23);
  });

  it("takes today's quota for all calls at once when they fit", async () => {
    const specs = Array.from({ length: 30 }, (_, i) => ({
      mode: "quota",
      units: 1 + (i % 4),
      charge: 12_000n,
    }));
    const { perCallCalls, state } = await compare(specs, {
      tier: "starter",
      accountType: "subscription",
      quotaLimit: 500,
      balance: 100_000n,
    });
    expect(perCallCalls).toBe(0);
    const used = specs.reduce((sum, s) => sum + s.units, 0);
    expect(state.counters[0].quota).toBe(used);
    expect(state.events.at(-1)).toMatchObject({
      billedTo: "quota",
      quotaUsedAfter: used,
      chargedMillicredits: "0",
    });
    expect(state.balance).toBe(100_000n);
  });
});

describe("a batch where some call is refused or replayed goes call by call", () => {
  it("the balance runs out midway: the calls before it are charged, the rest refused", async () => {
    const { perCallCalls, rows } = await compare(
      Array.from({ length: 10 }, () => ({ charge: 12_000n })),
      { balance: 50_000n },
    );
    expect(perCallCalls).toBe(10);
    expect(rows.map((r) => r.outcome)).toEqual([
      ...Array(4).fill("ok"),
      ...Array(6).fill("insufficient_credits"),
    ]);
  });

  it("the key's spend cap is reached midway", async () => {
    const { perCallCalls, rows } = await compare(
      Array.from({ length: 5 }, () => ({ charge: 12_000n })),
      { balance: 1_000_000n, cap: 30_000n },
    );
    expect(perCallCalls).toBe(5);
    expect(rows.map((r) => r.outcome)).toEqual([
      "ok",
      "ok",
      "spend_cap_reached",
      "spend_cap_reached",
      "spend_cap_reached",
    ]);
  });

  it("the quota fills up midway, with and without overage", async () => {
    const specs = Array.from({ length: 6 }, () => ({ mode: "quota", units: 20, charge: 12_000n }));
    const hardStop = await compare(specs, {
      tier: "free",
      accountType: "subscription",
      quotaLimit: 50,
      balance: 100_000n,
    });
    expect(hardStop.perCallCalls).toBe(6);
    expect(hardStop.rows.map((r) => r.outcome)).toEqual(["ok", "ok", ...Array(4).fill("quota_exceeded")]);
    const overage = await compare(specs, {
      tier: "free",
      accountType: "subscription",
      quotaLimit: 50,
      balance: 100_000n,
      overage: true,
    });
    expect(overage.rows.map((r) => r.billed_to)).toEqual(["quota", "quota", ...Array(4).fill("credits")]);
  });

  it("an idempotency key used twice in the batch, or seen before, replays", async () => {
    const key = `k-${randomUUID()}`;
    const twice = await compare([{ key }, { charge: 5_000n }, { key }], { balance: 100_000n });
    expect(twice.perCallCalls).toBe(3);
    expect(twice.rows.map((r) => r.outcome)).toEqual(["ok", "ok", "replay"]);
    const seen = await compare([{ charge: 5_000n }, { key }, { key: `k-${randomUUID()}` }], {
      balance: 100_000n,
      before: [{ key }],
    });
    expect(seen.perCallCalls).toBe(3);
    expect(seen.rows.map((r) => r.outcome)).toEqual(["ok", "replay", "ok"]);
  });
});

describe("chargeUsageBatch (the API's batch) on the set function", () => {
  it("answers and records a batch as the same calls one by one would", async () => {
    const one = await apiWorkspace({ balance: 1_000_000n });
    const other = await apiWorkspace({ balance: 1_000_000n });
    const inputs = Array.from({ length: 12 }, (_, i) => ({
      input: { model: i % 3 ? STANDARD : FREE, quantity: 1 + (i % 4), metadata: { i: String(i) } },
      idempotencyKey: i % 2 ? `batch-${randomUUID()}` : null,
    }));
    const batch = await chargeUsageBatch(await authenticate(`Bearer ${one.key}`), inputs);
    const caller = await authenticate(`Bearer ${other.key}`);
    const single = [];
    for (const { input, idempotencyKey } of inputs)
      single.push(await chargeUsage(caller, input, idempotencyKey));
    const shape = (r: { id: string; replayed: boolean } & Record<string, unknown>) => ({
      ...r,
      id: undefined,
    });
    expect(batch.map((o) => (o.ok ? shape(o.result) : o))).toEqual(single.map(shape));
    expect(await expectLedgerInvariant(one.workspace.id)).toBe(
      await expectLedgerInvariant(other.workspace.id),
    );
  });

  it("never overdraws a wallet under many parallel batches", async () => {
    const { workspace, key } = await apiWorkspace({ balance: 1_000_000n });
    const caller = await authenticate(`Bearer ${key}`);
    const outcomes = (
      await Promise.all(
        Array.from({ length: 16 }, () =>
          chargeUsageBatch(
            caller,
            Array.from({ length: 10 }, () => ({
              input: { model: STANDARD, quantity: 1 },
              idempotencyKey: null,
            })),
          ),
        ),
      )
    ).flat();
    const ok = outcomes.filter((o) => o.ok).length;
    // 12,000 mc a call: 83 fit in 1,000,000, the other 77 are refused, whatever the interleaving.
    expect(ok).toBe(83);
    expect(await expectLedgerInvariant(workspace.id)).toBe(1_000_000n - 83n * 12_000n);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(83);
  });
});
