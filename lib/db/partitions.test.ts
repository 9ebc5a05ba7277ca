import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as usage } from "@/app/api/v1/usage/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { invalidateRollups, prismaQuery } from "@/lib/analytics/rollups";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { utcMonth } from "@/lib/metering/time";
import { apiWorkspace, ledgerSum, usageRequest } from "@/test/metering";
import {
  ensureMonthPartitions,
  MONTHS_AHEAD,
  MONTHLY_TABLES,
  partitionName,
  type MonthlyTable,
} from "./partitions";

// UsageEvent and LedgerEntry are partitioned by UTC month (migration partition_by_month); the
// idempotency keys and ledger references that must hold across months live in UsageIdempotency
// and LedgerReference. These tests move rows into an earlier month the way time would.

const STANDARD = "poster-editor:inpaint-standard";

const monthsFrom = (month: Date, n: number) =>
  new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + n, 1));

async function partitions(table: MonthlyTable) {
  const rows = await db.$queryRaw<{ name: string }[]>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = quote_ident(${table})::regclass order by 1`;
  return rows.map((r) => r.name);
}

/** The partition holding the row `id` of `table`. */
async function partitionOf(table: MonthlyTable, id: string) {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `select c.relname as name from "${table}" t join pg_class c on c.oid = t.tableoid where t.id = $1`,
    id,
  );
  return rows.map((r) => r.name);
}

/** Moves rows (and their key rows) back by `months`, as if they had been written then. */
async function moveBack(rows: { events?: string[]; entries?: string[] }, months: number) {
  const shift = `${months} months`;
  await db.$transaction(async (tx) => {
    const now = new Date();
    await invalidateRollups(prismaQuery(tx), monthsFrom(utcMonth(now), -months - 1), now);
    for (const id of rows.events ?? []) {
      await tx.$executeRaw`update "UsageEvent" set "createdAt" = "createdAt" - ${shift}::interval where id = ${id}`;
      await tx.$executeRaw`update "UsageIdempotency" set "createdAt" = "createdAt" - ${shift}::interval where "eventId" = ${id}`;
    }
    for (const id of rows.entries ?? []) {
      await tx.$executeRaw`update "LedgerEntry" set "createdAt" = "createdAt" - ${shift}::interval where id = ${id}`;
      await tx.$executeRaw`update "LedgerReference" set "createdAt" = "createdAt" - ${shift}::interval where "entryId" = ${id}`;
    }
  });
}

async function call(key: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await usage(usageRequest(key, body, headers));
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe("monthly partitions", () => {
  it("has this month and the next ones ready, and a charge lands in its month's partition", async () => {
    await ensureMonthPartitions();
    const month = utcMonth(new Date());
    for (const table of MONTHLY_TABLES) {
      const names = await partitions(table);
      expect(names).toContain(`${table}_default`);
      for (let i = 0; i <= MONTHS_AHEAD; i++)
        expect(names).toContain(partitionName(table, monthsFrom(month, i)));
    }
    const { key } = await apiWorkspace({ balance: 100_000n });
    const charged = await call(key, { model: STANDARD });
    expect(charged.status).toBe(200);
    expect(await partitionOf("UsageEvent", charged.body.id)).toEqual([partitionName("UsageEvent", month)]);
    expect(await partitionOf("LedgerEntry", `le_${charged.body.id}`)).toEqual([
      partitionName("LedgerEntry", month),
    ]);
  });

  it("replays a key used last month with the first answer and charges nothing again", async () => {
    const lastMonth = monthsFrom(utcMonth(new Date()), -1);
    await ensureMonthPartitions(lastMonth);
    const { key, workspace } = await apiWorkspace({ balance: 100_000n });
    const first = await call(key, { model: STANDARD, quantity: 2 }, { "Idempotency-Key": "month-end" });
    expect(first.status).toBe(200);
    await moveBack({ events: [first.body.id], entries: [`le_${first.body.id}`] }, 1);
    expect(await partitionOf("UsageEvent", first.body.id)).toEqual([partitionName("UsageEvent", lastMonth)]);

    const replay = await call(key, { model: STANDARD, quantity: 2 }, { "Idempotency-Key": "month-end" });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const other = await call(key, { model: STANDARD, quantity: 3 }, { "Idempotency-Key": "month-end" });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    // The batch endpoint sees the key too: that event replays, the new one is charged.
    const res = await batch(
      new Request("http://localhost/api/v1/usage/batch", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({
          events: [
            { model: STANDARD, quantity: 2, idempotencyKey: "month-end" },
            { model: STANDARD, idempotencyKey: "fresh" },
          ],
        }),
      }),
    );
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results[0]).toMatchObject({ id: first.body.id });

    const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    expect(ws.balanceMillicredits).toBe(100_000n - 24_000n - 12_000n); // the keyed call once, "fresh" once
    expect(await ledgerSum(workspace.id)).toBe(ws.balanceMillicredits);
    expect(await db.usageEvent.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("refuses a ledger reference applied last month, as it did within one month", async () => {
    await ensureMonthPartitions(monthsFrom(utcMonth(new Date()), -1));
    const { workspace } = await apiWorkspace();
    const purchase = {
      workspaceId: workspace.id,
      amountMillicredits: 50_000n,
      kind: "purchase" as const,
      reference: `pack:${randomUUID()}`,
    };
    expect(await changeBalance(purchase)).toEqual({ balanceMillicredits: 50_000n, applied: true });
    expect(await changeBalance(purchase)).toEqual({ balanceMillicredits: 50_000n, applied: false });
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { reference: purchase.reference } });
    await moveBack({ entries: [entry.id] }, 1);

    expect(await changeBalance(purchase)).toEqual({ balanceMillicredits: 50_000n, applied: false });
    expect(await db.ledgerEntry.count({ where: { reference: purchase.reference } })).toBe(1);
    // Another kind is another movement, as before.
    expect((await changeBalance({ ...purchase, kind: "coupon" })).applied).toBe(true);
    expect(await ledgerSum(workspace.id)).toBe(100_000n);
  });

  it("creates months ahead once however often (and however many workers) it runs", async () => {
    const at = new Date("2031-05-15T12:00:00Z");
    const runs = await Promise.all([ensureMonthPartitions(at), ensureMonthPartitions(at)]);
    for (const table of MONTHLY_TABLES) {
      expect(runs[0][table] + runs[1][table]).toBe(MONTHS_AHEAD + 1);
      const names = await partitions(table);
      for (const month of ["2031_05", "2031_06", "2031_07", "2031_08"])
        expect(names).toContain(`${table}_${month}`);
      expect(names).not.toContain(`${table}_2031_09`);
    }
    expect(await ensureMonthPartitions(at)).toEqual({ UsageEvent: 0, LedgerEntry: 0 });
  });

  it("moves rows that landed in the default partition into their month's new partition", async () => {
    const { key, workspace } = await apiWorkspace({ balance: 100_000n });
    const charged = await call(key, { model: STANDARD }, { "Idempotency-Key": "old" });
    const entryId = `le_${charged.body.id}`;
    const before = await db.ledgerEntry.findFirstOrThrow({ where: { id: entryId } });
    // Far back, where no month has a partition: the rows fall into the default ones.
    const months = (new Date().getUTCFullYear() - 2019) * 12 + new Date().getUTCMonth() - 2; // March 2019
    await moveBack({ events: [charged.body.id], entries: [entryId] }, months);
    expect(await partitionOf("UsageEvent", charged.body.id)).toEqual(["UsageEvent_default"]);
    expect(await partitionOf("LedgerEntry", entryId)).toEqual(["LedgerEntry_default"]);

    const created = await ensureMonthPartitions();
    expect(created.UsageEvent).toBeGreaterThanOrEqual(1);
    expect(await partitionOf("UsageEvent", charged.body.id)).toEqual(["UsageEvent_2019_03"]);
    expect(await partitionOf("LedgerEntry", entryId)).toEqual(["LedgerEntry_2019_03"]);
    const after = await db.ledgerEntry.findFirstOrThrow({ where: { id: entryId } });
    expect(after).toEqual({ ...before, createdAt: after.createdAt }); // seq and every amount kept
    expect(
      await db.$queryRaw`select 1 from "UsageEvent_default" union all select 1 from "LedgerEntry_default"`,
    ).toEqual([]);
    expect(await ensureMonthPartitions()).toEqual({ UsageEvent: 0, LedgerEntry: 0 });
    // The key still answers from its event's month.
    const replay = await call(key, { model: STANDARD }, { "Idempotency-Key": "old" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(charged.body);

    // Retention (README): the month detached and dropped, its keys name nothing kept and are new again.
    await db.$executeRawUnsafe(`alter table "UsageEvent" detach partition "UsageEvent_2019_03"`);
    await db.$executeRawUnsafe(`drop table "UsageEvent_2019_03"`);
    const again = await call(key, { model: STANDARD }, { "Idempotency-Key": "old" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(again.body.id).not.toBe(charged.body.id);
    expect(again.body.balance.millicredits).toBe(charged.body.balance.millicredits - 12_000);
    expect(await ledgerSum(workspace.id)).toBe(BigInt(again.body.balance.millicredits)); // the ledger kept
  });
});
