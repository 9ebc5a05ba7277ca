import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmailTo } from "@/lib/email/send";
import { alertRecipients, deliverAll } from "@/lib/notifications/alerts";
import { formatDate } from "@/lib/utils/format";
import { LIVE_STATUSES } from "./subscriptions";

const REMIND_BEFORE_MS = 3 * 864e5;

/**
 * Three days before a plan that will not renew (cancel at period end) runs out, its workspace's
 * owners hear about it once per period (the outbox key names the subscription and period end).
 */
export async function sendRenewalReminders(now = new Date()) {
  const ending = await db.subscription.findMany({
    where: {
      status: { in: [...LIVE_STATUSES] },
      cancelAtPeriodEnd: true,
      currentPeriodEnd: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) },
    },
    include: { tier: { select: { name: true } } },
  });
  const keys: (string | null)[] = [];
  for (const sub of ending) {
    const daysLeft = Math.max(1, Math.ceil((sub.currentPeriodEnd.getTime() - now.getTime()) / 864e5));
    for (const to of await alertRecipients(db, sub.workspaceId)) {
      keys.push(
        await queueEmailTo(to, {
          template: "renewal-reminder",
          idempotencyKey: `renewal-reminder:${sub.id}:${sub.currentPeriodEnd.toISOString()}:${to.id}`,
          props: {
            plan: sub.tier.name,
            endsOn: formatDate(sub.currentPeriodEnd),
            daysLeft,
            billingUrl: `${env.APP_URL}/dashboard/billing`,
          },
        }),
      );
    }
  }
  await deliverAll(keys);
  return { subscriptions: ending.length };
}
