import "server-only";
import { db, type Tx } from "@/lib/db";
import { nextUtcMonth, utcMonth, utcMonthKey } from "@/lib/metering/time";
import { getSettings } from "@/lib/settings/settings";
import { changeBalance } from "./ledger";
import { renewalCredits } from "./plan-change";
import { effectivePlan } from "./subscriptions";

// Included credits (SPEC §8.2): every plan — free, monthly, annual — grants its included credits
// once per UTC month, and they expire at the end of that month. At a month's first grant, what is
// left of the previous months' included credits expires except the admin's rollover share, which
// carries into the new month. One function does it for sign-ups, checkouts, upgrades, comp plans
// and the monthly job; the ledger reference `grant:<workspace>:<YYYY-MM>` makes it happen once.

/**
 * What the workspace's plan gives it: included credits per month and the daily quota. The one place
 * grants read it (the plan model, when it lands, answers here instead of the tier).
 */
export async function planAllowance(workspaceId: string, executor: Tx | typeof db = db) {
  const { tier } = await effectivePlan(workspaceId, executor);
  return {
    planName: tier.name,
    includedMillicredits: tier.includedMillicredits,
    dailyQuotaUnits: tier.dailyQuotaUnits,
  };
}

const monthlyGrantReference = (workspaceId: string, at: Date) => `grant:${workspaceId}:${utcMonthKey(at)}`;

async function hasEntry(tx: Tx, workspaceId: string, kind: "expiry", reference: string) {
  const found = await tx.ledgerEntry.findUnique({
    where: { workspaceId_kind_reference: { workspaceId, kind, reference } },
    select: { id: true },
  });
  return found !== null;
}

/**
 * The first grant of a month: included credits left from earlier months expire, and the rollover
 * share of them comes back as a rollover that expires with this month's grant. Calls draw included
 * credits before purchased ones, so what is left of them is what was granted less what calls have
 * used since (never more than the balance). The expiry entry is written even when nothing is left:
 * it marks where this month's included credits start.
 */
// With credit buckets, "left" is the remainder of the expiring buckets.
async function carryOver(tx: Tx, workspaceId: string, at: Date) {
  const month = utcMonthKey(at);
  if (await hasEntry(tx, workspaceId, "expiry", `expiry:${workspaceId}:${month}`)) return;
  // Locks the balance for the rest of this short transaction, so no charge lands between read and expiry.
  const [{ balance }] = await tx.$queryRaw<{ balance: bigint }[]>`
    select "balanceMillicredits" as balance from "Workspace" where id = ${workspaceId} for update`;
  const [{ included, used }] = await tx.$queryRaw<{ included: bigint; used: bigint }[]>`
    select coalesce(sum("amountMillicredits") filter (where kind in ('monthly_grant', 'rollover')), 0)::bigint as included,
           coalesce(-sum("amountMillicredits") filter (where kind in ('usage', 'reservation_hold', 'reservation_release')), 0)::bigint as used
      from "LedgerEntry"
     where "workspaceId" = ${workspaceId}
       and seq > coalesce((select max(seq) from "LedgerEntry" where "workspaceId" = ${workspaceId} and kind = 'expiry'), 0)`;
  if (included <= 0n) return;
  const left = included > used ? included - used : 0n;
  const { rolloverPercent } = await getSettings();
  const credits = renewalCredits({ balance, grantedThisPeriod: left, included: 0n, rolloverPercent });
  await changeBalance(
    {
      workspaceId,
      amountMillicredits: -credits.expire,
      kind: "expiry",
      reference: `expiry:${workspaceId}:${month}`,
      reason: "Unused included credits at the end of the month",
    },
    tx,
  );
  if (credits.rollover > 0n)
    await changeBalance(
      {
        workspaceId,
        amountMillicredits: credits.rollover,
        kind: "rollover",
        reference: `rollover:${workspaceId}:${month}`,
        reason: `${rolloverPercent}% of unused included credits carried over`,
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
  const [{ granted }] = await tx.$queryRaw<{ granted: bigint }[]>`
    select coalesce(sum("amountMillicredits"), 0)::bigint as granted from "LedgerEntry"
     where "workspaceId" = ${workspaceId} and kind = 'monthly_grant'
       and (reference = ${base} or reference like ${`${base}:%`}
            or (reference not like ${`grant:${workspaceId}:%`} and "createdAt" >= ${utcMonth(at).toISOString()}::timestamp))`;
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
         and not exists (select 1 from "LedgerEntry" l where l."workspaceId" = w.id and l.kind = 'monthly_grant'
                           and l.reference = 'grant:' || w.id || ':' || ${month})
       order by w.id limit 500`;
    for (const { id } of rows) {
      const credits = await db.$transaction((tx) => grantIncludedCredits(tx, id, { at: now }));
      if (credits > 0n) granted++;
    }
    if (rows.length < 500) return { month, granted };
    after = rows[rows.length - 1].id;
  }
}
