import { invalidateRollups } from "@/lib/analytics/rollups";
import { partitionMonthsFor } from "@/lib/db/partitions";
import { db } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { buildDemoDataset } from "./demo/build";
import { loadDemoCatalog } from "./demo/catalog";
import { insertDataset } from "./demo/insert";
import type { DemoDataset, DemoOptions, DemoSummary } from "./demo/types";
import { seed } from "./seed";

// `npm run db:seed -- --demo`: 90 days of realistic, deterministic history (users, teams, plans,
// payments, refunds, grants, usage) so every admin chart has something to show. Every row's id
// starts with demo_ (checkouts: cs_local_demo_…), so the demo data is easy to find and to tell apart.

export { buildDemoDataset, DEFAULT_DEMO_SEED, DEFAULT_DEMO_WORKSPACES, defaultAnchor } from "./demo/build";
export { loadDemoCatalog } from "./demo/catalog";
export type { DemoDataset, DemoOptions, DemoSummary } from "./demo/types";

/** The first demo user: when it exists, the demo dataset is there. */
export const FIRST_DEMO_USER_ID = "demo_u_0001";
const DEMO_LOCK = 7_283_002;

const summarize = (d: DemoDataset, skipped: boolean): DemoSummary => ({
  users: d.users.length,
  workspaces: d.workspaces.length,
  subscriptions: d.subscriptions.length,
  payments: d.payments.length,
  usageEvents: d.usageEvents.length,
  ledgerEntries: d.ledgerEntries.length,
  skipped,
});

/** What an earlier run left: the counts of the demo rows already in the database. */
async function existingSummary(): Promise<DemoSummary> {
  const [users, workspaces, subscriptions, payments, usageEvents, ledgerEntries] = await Promise.all([
    db.user.count({ where: { id: { startsWith: "demo_u_" } } }),
    db.workspace.count({ where: { id: { startsWith: "demo_ws_" } } }),
    db.subscription.count({ where: { id: { startsWith: "demo_sub_" } } }),
    db.payment.count({ where: { id: { startsWith: "demo_pay_" } } }),
    db.usageEvent.count({ where: { id: { startsWith: "demo_ue_" } } }),
    db.ledgerEntry.count({ where: { id: { startsWith: "demo_le_" } } }),
  ]);
  return { users, workspaces, subscriptions, payments, usageEvents, ledgerEntries, skipped: true };
}

/**
 * Seeds the catalog and demo logins (as `seed()` does), then the demo history — once: when the
 * demo data is already there it changes nothing and returns `skipped: true`. The whole history is
 * generated in memory and inserted in bulk in one transaction.
 */
export async function seedDemo(options: DemoOptions = {}): Promise<DemoSummary> {
  await seed();
  if (await db.user.findUnique({ where: { id: FIRST_DEMO_USER_ID }, select: { id: true } }))
    return existingSummary();
  const data = buildDemoDataset(options, await loadDemoCatalog({ seededOnly: options.seededCatalogOnly }));
  const client = await pool().connect();
  try {
    await client.query("begin");
    // Two seeds at once: the second waits here, then finds the first one's rows.
    await client.query("select pg_advisory_xact_lock($1)", [DEMO_LOCK]);
    const existing = await client.query(`select 1 from "User" where id = $1`, [FIRST_DEMO_USER_ID]);
    if (existing.rowCount) {
      await client.query("rollback");
      return existingSummary();
    }
    let first = Infinity;
    let last = -Infinity;
    for (const { createdAt } of [...data.usageEvents, ...data.ledgerEntries]) {
      first = Math.min(first, createdAt.getTime());
      last = Math.max(last, createdAt.getTime());
    }
    // Past months get their partitions first (lib/db/partitions.ts).
    if (first <= last) await partitionMonthsFor(client, new Date(first), new Date(last));
    await insertDataset(client, data);
    // The history lands in past days: any rollups of them are stale (lib/analytics/rollups.ts).
    if (first <= last) await invalidateRollups(client, new Date(first), new Date(last));
    await client.query("commit");
  } catch (e) {
    await client.query("rollback").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  return summarize(data, false);
}
