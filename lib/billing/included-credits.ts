import "server-only";
import { db, type Tx } from "@/lib/db";
import { nextUtcMonth, utcMonth, utcMonthKey } from "@/lib/metering/time";
import { getSettings } from "@/lib/settings/settings";
import { changeBalance } from "./ledger";
import { planOf } from "./plan";

// Included credits (SPEC §8.2): every plan — free, monthly, annual — grants its included credits
// once per UTC month, and they expire at the end of that month. At a month's first grant, what is
// left of the previous months' included credits expires except the admin's rollover share, which
// carries into the new month. One function does it for sign-ups, checkouts, upgrades, comp plans
// and the monthly job; the ledger reference `grant:<workspace>:<YYYY-MM>` makes it happen once.
// Each grant is a credit bucket that expires when its month ends (lib/billing/buckets.ts).

/** What the workspace's plan gives it each month: the plan model's terms (lib/billing/plan.ts). */
export async function planAllowance(workspaceId: string, executor: Tx | typeof db = db) {
  const plan = await planOf(workspaceId, executor);
  return {
    planName: plan.tier.name,
    includedMillicredits: plan.includedMillicredits,
    dailyQuotaUnits: plan.dailyQuotaUnits,
  };
}

const monthlyGrantReference = (workspaceId: string, at: Date) => `grant:${workspaceId}:${utcMonthKey(at)}`;

/**
 * The first grant of a month: the included credits of earlier months have expired with their
 * buckets (lib/billing/buckets.ts; expired here first if the sweep has not reached them), and the
 * admin's rollover share of what they left unspent comes back as a rollover bucket that expires
 * with this month's grant. Rollovers themselves do not roll over again.
 */
async function carryOver(tx: Tx, workspaceId: string, at: Date) {
  const month = utcMonth(at);
  await tx.$queryRaw`select tollgate_expire_credits(${workspaceId}, ${month}::timestamp)`;
  const [{ unspent }] = await tx.$queryRaw<{ unspent: bigint }[]>`
    select coalesce(sum("remainingMillicredits" + "expiredMillicredits"), 0)::bigint as unspent
      from "CreditBucket"
     where "workspaceId" = ${workspaceId} and source = 'included'
       and "expiresAt" > ${utcMonth(new Date(month.getTime() - 1))} and "expiresAt" <= ${month}`;
  const { rolloverPercent } = await getSettings();
  const rollover = (unspent * BigInt(rolloverPercent)) / 100n;
  if (rollover <= 0n) return;
  await changeBalance(
    {
      workspaceId,
      amountMillicredits: rollover,
      kind: "rollover",
      reference: `rollover:${workspaceId}:${utcMonthKey(at)}`,
      reason: `${rolloverPercent}% of last month's unused included credits carried over`,
      expiresAt: nextUtcMonth(at),
    },
    tx,
  );
}

/**
 * Brings the workspace's included credits for `at`'s UTC month up to what its plan includes: the
 * month's grant (with the carry-over) the first time, and the difference after an upgrade. Run it
 * twice, or twice at once, and the second does nothing. Returns the credits it granted.
 */
export async function grantIncludedCredits(
  tx: Tx,
  workspaceId: string,
  opts: {
    at?: Date;
    /** The plan just paid for (a checkout's, an upgrade invoice's), whatever events arrive around it; else the workspace's plan now. */
    plan?: { name: string; includedMillicredits: bigint };
  } = {},
) {
  const at = opts.at ?? new Date();
  const base = monthlyGrantReference(workspaceId, at);
  // Grants for one workspace and month queue here; each then sees what the one before it wrote.
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${base}, 0))`;
  // Grants written before monthly references existed (named after a checkout or invoice) count for their month.
  // LedgerReference finds them by reference; each entry is then read in its month's partition.
  const [{ granted }] = await tx.$queryRaw<{ granted: bigint }[]>`
    select coalesce(sum(l."amountMillicredits"), 0)::bigint as granted
      from "LedgerReference" r join "LedgerEntry" l on l.id = r."entryId" and l."createdAt" = r."createdAt"
     where r."workspaceId" = ${workspaceId} and r.kind = 'monthly_grant'
       and (r.reference = ${base} or r.reference like ${`${base}:%`}
            or (r.reference not like ${`grant:${workspaceId}:%`} and r."createdAt" >= ${utcMonth(at).toISOString()}::timestamp))`;
  if (granted === 0n) await carryOver(tx, workspaceId, at);
  const plan = opts.plan
    ? { planName: opts.plan.name, includedMillicredits: opts.plan.includedMillicredits }
    : await planAllowance(workspaceId, tx);
  const grant = plan.includedMillicredits - granted;
  if (grant <= 0n) return 0n;
  await changeBalance(
    {
      workspaceId,
      amountMillicredits: grant,
      kind: "monthly_grant",
      // The month's grant, then each top-up named by what the month had before it (which only grows).
      reference: granted === 0n ? base : `${base}:${granted}`,
      reason:
        granted === 0n
          ? `${plan.planName} included credits for ${utcMonthKey(at)}`
          : `${plan.planName} included credits for ${utcMonthKey(at)} (upgrade)`,
      expiresAt: nextUtcMonth(at),
    },
    tx,
  );
  return grant;
}

/**
 * The monthly job: every workspace without this month's grant gets it, each in its own short
 * transaction (one failure does not hold up the rest; the next run picks it up). Runs daily, so a
 * missed run catches up; workspaces whose plan includes nothing are looked at and left alone.
 */
export async function grantMonthlyCredits(now = new Date()) {
  const month = utcMonthKey(now);
  let after = "";
  let granted = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      select w.id from "Workspace" w
       where w.id > ${after}
         and not exists (select 1 from "LedgerReference" r where r."workspaceId" = w.id and r.kind = 'monthly_grant'
                           and r.reference = 'grant:' || w.id || ':' || ${month})
       order by w.id limit 500`;
    for (const { id } of rows) {
      const credits = await db.$transaction((tx) => grantIncludedCredits(tx, id, { at: now }));
      if (credits > 0n) granted++;
    }
    if (rows.length < 500) return { month, granted };
    after = rows[rows.length - 1].id;
  }
}
