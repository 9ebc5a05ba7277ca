import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { firstRenewalFrom } from "@/lib/billing/plan";
import { priceFor } from "@/lib/billing/plan-change";
import { currentPlanVersion } from "@/lib/billing/plan-versions";
import { LIVE_STATUSES } from "@/lib/billing/subscriptions";
import { formatCredits, formatCents } from "@/lib/catalog/money";
import { db, type PlanVersion, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { formatCount, formatDate } from "@/lib/utils/format";
import { emailBillingContact } from "./webhooks/shared";

// Grandfathered subscribers keep the plan version they were sold at until an admin moves them to
// the tier's current version: at their first renewal at least `noticeDays` away, with an email now.
// Stripe subscriptions are not moved yet: Stripe renews them at the price on their subscription
// item, and swapping that price at a later renewal needs a schedule phase Tollgate does not write
// yet — so they stay on their version (and price) rather than be granted terms they are not billed.

const DAY_MS = 864e5;

/** What changes between two versions for a subscriber on `interval`, one line per term. */
export function termChanges(from: PlanVersion, to: PlanVersion, interval: "month" | "year") {
  const per = interval === "year" ? "a year" : "a month";
  const lines: string[] = [];
  const [was, now] = [priceFor(from, interval), priceFor(to, interval)];
  if (was !== now || from.currency !== to.currency)
    lines.push(`Price: ${formatCents(was, from.currency)} ${per} → ${formatCents(now, to.currency)} ${per}`);
  if (from.includedMillicredits !== to.includedMillicredits)
    lines.push(
      `Included credits: ${formatCredits(from.includedMillicredits)} → ${formatCredits(to.includedMillicredits)} a month`,
    );
  if (from.dailyQuotaUnits !== to.dailyQuotaUnits)
    lines.push(
      `Daily quota: ${formatCount(from.dailyQuotaUnits)} → ${formatCount(to.dailyQuotaUnits)} units`,
    );
  return lines;
}

/**
 * Schedules every live subscription of the tier that is on an older version to move to the current
 * one at its first renewal on or after now + `noticeDays`, and queues the owner's email (one per
 * subscription and version, so a second click sends nothing new). Audited in the same transaction.
 * The outbox sweep delivers the emails.
 */
export async function moveSubscribersToCurrentVersion(
  actor: Actor,
  tierId: string,
  noticeDays: number,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const tier = await tx.tier.findUnique({ where: { id: tierId } });
    if (!tier) throw new NotFoundError("Tier");
    const target = await currentPlanVersion(tx, tierId);
    const waiting = {
      tierId,
      status: { in: [...LIVE_STATUSES] },
      planVersionId: { not: target.id },
      OR: [{ scheduledPlanVersionId: null }, { scheduledPlanVersionId: { not: target.id } }],
    } satisfies Prisma.SubscriptionWhereInput;
    const [subs, stripeKept] = await Promise.all([
      tx.subscription.findMany({
        where: { ...waiting, provider: { not: "stripe" } },
        include: { planVersion: true },
      }),
      tx.subscription.count({ where: { ...waiting, provider: "stripe" } }),
    ]);
    const notBefore = new Date(now.getTime() + noticeDays * DAY_MS);
    for (const sub of subs) {
      const planMoveAt = firstRenewalFrom(sub, notBefore);
      await tx.subscription.update({
        where: { id: sub.id },
        data: { scheduledPlanVersionId: target.id, planMoveAt },
      });
      await emailBillingContact(tx, sub.workspaceId, {
        template: "plan-terms-changing",
        idempotencyKey: `plan-terms-changing:${sub.id}:${target.id}`,
        props: {
          plan: tier.name,
          effectiveOn: formatDate(planMoveAt),
          changes: sub.planVersion ? termChanges(sub.planVersion, target, sub.interval) : [],
          billingUrl: `${env.APP_URL}/dashboard/billing`,
        },
      });
    }
    await recordAudit(tx, {
      actor,
      action: "tier.move_subscribers",
      targetType: "tier",
      targetId: tierId,
      after: { version: target.version, noticeDays, subscriptions: subs.map((s) => s.id), stripeKept },
    });
    return { moved: subs.length, version: target.version, stripeKept };
  });
}

/** The tier's versions, newest first, each with how many live subscriptions are on it (unlinked ones on the current). */
export async function tierVersions(tierId: string) {
  const [tier, versions, counts] = await Promise.all([
    db.tier.findUnique({ where: { id: tierId }, select: { currentPlanVersionId: true } }),
    db.planVersion.findMany({ where: { tierId }, orderBy: { version: "desc" } }),
    db.subscription.groupBy({
      by: ["planVersionId"],
      where: { tierId, status: { in: [...LIVE_STATUSES] } },
      _count: { _all: true },
    }),
  ]);
  const byVersion = new Map(counts.map((c) => [c.planVersionId, c._count._all]));
  const unlinked = byVersion.get(null) ?? 0;
  return versions.map((v) => ({
    ...v,
    subscribers: (byVersion.get(v.id) ?? 0) + (v.id === tier?.currentPlanVersionId ? unlinked : 0),
  }));
}
