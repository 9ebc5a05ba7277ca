// BENCH_ANALYTICS_EVENTS=N npm run bench:analytics: tops the demo dataset up to N usage events (and
// one `usage` ledger entry per charged event) with set-based SQL, on the demo's workspaces and the
// catalog's models, spread over the demo's 90 days and today so far in time order (as calls are
// appended in production). Secondary indexes are dropped (on the partitioned tables: on every
// partition) for the load and built again after it. Only ever run against the bench's throw-away database.
import type { PoolClient } from "pg";

const TABLES = ["UsageEvent", "LedgerEntry"];
// Rows per statement: keeps each statement's memory and WAL bounded.
const BATCH = 1_000_000;

export type ScaleSummary = { usageEvents: number; ledgerEntries: number; workspaces: number; models: number };

export async function seedScale(client: PoolClient, total: number, log: (line: string) => void) {
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '1GB'`);
  await client.query(`alter system set max_wal_size = '16GB'`);
  await client.query(`select pg_reload_conf()`);
  const [{ count: existing }] = (await client.query(`select count(*)::int as count from "UsageEvent"`)).rows;
  // The 90 days' months get their partitions first, so the rows go straight to them. (Imported here:
  // lib/db reads the environment the bench sets up first.)
  const { partitionMonthsFor } = await import("@/lib/db/partitions");
  await partitionMonthsFor(client, new Date(Date.now() - 91 * 864e5), new Date());
  const extra = Math.max(0, total - existing);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and tablename = any($1) and indexname not like '%\\_pkey'`,
    [TABLES],
  );
  for (const { name } of indexes) await client.query(`drop index "${name}"`);
  await client.query(`select setseed(0.42)`);
  const started = performance.now();
  for (let from = 1; from <= extra; from += BATCH) {
    const to = Math.min(extra, from + BATCH - 1);
    // Workspaces by a skewed draw (a few heavy users, a long tail); each workspace favours a few models.
    await client.query(
      `with w as (select array_agg(id order by id) as ids, count(*)::int as n from "Workspace" where id like 'demo_ws_%'),
            m as (select array_agg(id order by key) as ids, array_agg(key order by key) as keys, count(*)::int as n from "Model"),
            span as (select date_trunc('day', timezone('UTC', now())) - interval '90 days' as start,
                            extract(epoch from timezone('UTC', now()) - (date_trunc('day', timezone('UTC', now())) - interval '90 days')) as seconds),
            draw as (
              select g, floor(w.n * power(random(), 2))::int as wi, random() as rm, random() as rb, random() as rc, random() as rt
              from generate_series($1::int, $2::int) as g, w
            ),
            ev as (
              select d.g, w.ids[1 + d.wi] as ws, 1 + (d.wi * 7 + floor(m.n * power(d.rm, 3))::int) % m.n as mi,
                case when d.rb < 0.15 then 'quota' when d.rb < 0.2 then 'free' when d.rb < 0.23 then 'byok' else 'credits' end as billed,
                100 + floor(d.rc * 20000)::bigint as cost,
                -- In time order, as calls arrive: the open day's rows sit together at the end of the table.
                date_trunc('milliseconds', span.start + (d.g - 1 + d.rt) / $3 * span.seconds * interval '1 second') as at
              from draw d, w, m, span
            )
       insert into "UsageEvent" ("id", "workspaceId", "modelId", "modelKey", "quantity", "billedTo", "markupBps",
         "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits", "balanceAfterMillicredits", "createdAt")
       select 'ue_bench_' || lpad(ev.g::text, 9, '0'), ev.ws, m.ids[ev.mi], m.keys[ev.mi], 1, ev.billed::"BilledTo",
         case when ev.billed = 'credits' then 2000 else 0 end, 1, ev.cost,
         case when ev.billed = 'credits' then ceil(ev.cost * 1.2)::bigint else 0 end,
         case when ev.billed = 'quota' then 1 else 0 end, 0, ev.at
       from ev, m`,
      [from, to, extra],
    );
    await client.query(
      `insert into "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
       select 'le_' || e.id, e."workspaceId", 'usage', -e."chargedMillicredits", 0, 'usage:' || e.id, e."createdAt"
       from "UsageEvent" e
       where e.id between 'ue_bench_' || lpad($1::text, 9, '0') and 'ue_bench_' || lpad($2::text, 9, '0')
         and e."chargedMillicredits" > 0`,
      [from, to],
    );
    log(
      `  ${to.toLocaleString("en-US")} of ${extra.toLocaleString("en-US")} events (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const indexing = performance.now();
  for (const { def } of indexes) await client.query(def);
  log(`  ${indexes.length} indexes rebuilt in ${((performance.now() - indexing) / 1000).toFixed(0)} s`);
  const counts = await client.query<ScaleSummary>(
    `select (select count(*) from "UsageEvent")::int as "usageEvents", (select count(*) from "LedgerEntry")::int as "ledgerEntries",
            (select count(*) from "Workspace")::int as workspaces, (select count(*) from "Model")::int as models`,
  );
  return counts.rows[0];
}
