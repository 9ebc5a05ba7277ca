import { priceFor, quotePlanChange, renewalCredits } from "@/lib/billing/plan-change";
import { periodEnd } from "@/lib/billing/subscriptions";
import { periodMs, type SubPlan } from "./plans";
import type { SubscriptionRow } from "./types";
import { PERCENT_COUPON, type Wallet } from "./wallet";

// A subscription's money over time, as the webhook handlers write it: the first checkout (payment
// and included credits), an upgrade (prorated plan_change payment and the difference in credits),
// and paid renewals (expiry of unused included credits, rollover, new grant, renewal payment).

const intervalName = (i: "month" | "year") => (i === "year" ? "annual" : "monthly");
const invoiceCharge = (invoiceId: string) => `pi_local_${invoiceId.slice("in_local_".length)}`;

/** Schedules the plan's paid events on the wallet; returns the provider subscription id (null for manual plans). */
export function scheduleSubscription(
  w: Wallet,
  plan: SubPlan,
): { providerSubscriptionId: () => string | null } {
  const tiers = w.out.catalog.paidTiers;
  let providerSubscriptionId: string | null = null;
  if (plan.manual) return { providerSubscriptionId: () => null };

  w.schedule(plan.start, (at) => {
    const tier = tiers[plan.tierIndex];
    const price = priceFor(tier, plan.interval);
    const discountCents = plan.discounted ? Math.round((price * PERCENT_COUPON.percentOff) / 100) : 0;
    const checkout = w.checkout(at, {
      kind: "subscription",
      creditPackId: null,
      tierId: tier.id,
      interval: plan.interval,
      amountCents: price - discountCents,
      currency: tier.currency,
      couponId: plan.discounted ? PERCENT_COUPON.id : null,
      discountCents,
    });
    providerSubscriptionId = `sub_local_${checkout.id.slice("cs_local_".length)}`;
    w.payment(at, {
      kind: "plan_start",
      description: `${tier.name} plan (${intervalName(plan.interval)})`,
      checkoutSessionId: checkout.id,
      providerInvoiceId: null,
      amountCents: price - discountCents,
      currency: tier.currency,
      millicredits: tier.includedMillicredits,
      discountCents,
      periodStart: new Date(at),
      periodEnd: periodEnd(new Date(at), plan.interval),
    });
    if (plan.discounted)
      w.out.couponRedemptions.push({
        id: w.out.nextId("demo_cr_", 4),
        couponId: PERCENT_COUPON.id,
        workspaceId: w.wsId,
        userId: w.profile.owner.id,
        createdAt: new Date(at),
      });
    if (tier.includedMillicredits > 0n)
      w.entry(
        at,
        "monthly_grant",
        tier.includedMillicredits,
        `grant:${checkout.id}`,
        `${tier.name} included credits`,
      );
  });

  const period = periodMs(plan.interval);
  const upgrade = plan.upgrade;
  if (upgrade) {
    w.schedule(upgrade.at, (at) => {
      const from = tiers[plan.tierIndex];
      const to = tiers[upgrade.toTierIndex];
      const periodStart = plan.start + Math.floor((at - plan.start) / period) * period;
      const quote = quotePlanChange(
        {
          tier: from,
          interval: plan.interval,
          currentPeriodStart: new Date(periodStart),
          currentPeriodEnd: new Date(periodStart + period),
        },
        { tier: to, interval: plan.interval },
        new Date(at),
      );
      if (quote.when !== "now") throw new Error("a demo upgrade must apply now");
      const invoiceId = w.out.nextId("in_local_demo_");
      w.payment(at, {
        kind: "plan_change",
        description: `Upgrade to ${to.name} (${intervalName(plan.interval)}), prorated`,
        checkoutSessionId: null,
        providerInvoiceId: invoiceId,
        providerChargeId: invoiceCharge(invoiceId),
        amountCents: quote.chargeCents,
        currency: to.currency,
        millicredits: quote.grantMillicredits,
        discountCents: 0,
        periodStart: new Date(at),
        periodEnd: quote.periodEnd,
      });
      if (quote.grantMillicredits > 0n)
        w.entry(
          at,
          "monthly_grant",
          quote.grantMillicredits,
          `grant:${invoiceId}`,
          `Upgrade to ${to.name}: included credits`,
        );
    });
  }

  for (const boundary of plan.renewals) {
    w.schedule(boundary, (at) => {
      const tier = tiers[upgrade && at >= upgrade.at ? upgrade.toTierIndex : plan.tierIndex];
      const invoiceId = `in_local_${plan.id}_${Math.floor(at / 1000)}`;
      const { rolloverPercent } = w.out.catalog.settings;
      const credits = renewalCredits({
        balance: w.balance,
        grantedThisPeriod: w.grantedSinceExpiry,
        included: tier.includedMillicredits,
        rolloverPercent,
      });
      w.entry(at, "expiry", -credits.expire, `expiry:${invoiceId}`, "Unused included credits at renewal");
      w.grantedSinceExpiry = 0n;
      if (credits.rollover > 0n)
        w.entry(
          at,
          "rollover",
          credits.rollover,
          `rollover:${invoiceId}`,
          `${rolloverPercent}% of unused included credits carried over`,
        );
      if (credits.grant > 0n)
        w.entry(at, "monthly_grant", credits.grant, `grant:${invoiceId}`, `${tier.name} included credits`);
      w.payment(at, {
        kind: "renewal",
        description: `${tier.name} plan (${intervalName(plan.interval)}) renewal`,
        checkoutSessionId: null,
        providerInvoiceId: invoiceId,
        providerChargeId: invoiceCharge(invoiceId),
        amountCents: priceFor(tier, plan.interval),
        currency: tier.currency,
        millicredits: credits.grant,
        discountCents: 0,
        periodStart: new Date(at),
        periodEnd: new Date(at + period),
      });
    });
  }
  return { providerSubscriptionId: () => providerSubscriptionId };
}

/** The subscription row as it stands at the anchor. */
export function subscriptionRow(
  w: Wallet,
  plan: SubPlan,
  providerSubscriptionId: string | null,
): SubscriptionRow {
  const tiers = w.out.catalog.paidTiers;
  const tier = tiers[plan.upgrade ? plan.upgrade.toTierIndex : plan.tierIndex];
  const period = periodMs(plan.interval);
  const lastRenewal = plan.renewals.at(-1) ?? plan.start;
  const periodStart = plan.manual
    ? plan.start
    : (plan.failedAt ?? (plan.endAt !== null ? plan.endAt - period : lastRenewal));
  const events = [plan.start, plan.upgrade?.at ?? 0, lastRenewal, plan.failedAt ?? 0, plan.endAt ?? 0];
  let lastEvent = Math.max(...events);
  // A pending cancellation was asked for (customer.subscription.updated) some time after the last event.
  if (plan.cancelAtPeriodEnd && plan.endAt === null)
    lastEvent = Math.floor((lastEvent + (w.out.anchor - lastEvent) / 2) / 1000) * 1000;
  const status = plan.endAt !== null ? "canceled" : plan.failedAt !== null ? "past_due" : "active";
  return {
    id: plan.id,
    workspaceId: w.wsId,
    tierId: tier.id,
    interval: plan.interval,
    status,
    currentPeriodStart: new Date(periodStart),
    currentPeriodEnd: new Date(periodStart + period),
    cancelAtPeriodEnd: plan.cancelAtPeriodEnd,
    scheduledTierId: plan.scheduledDowngrade === null ? null : tiers[plan.scheduledDowngrade].id,
    scheduledInterval: plan.scheduledDowngrade === null ? null : plan.interval,
    pastDueAt: plan.failedAt === null ? null : new Date(plan.failedAt),
    provider: plan.manual ? "manual" : "local",
    providerSubscriptionId,
    lastProviderEventAt: plan.manual ? null : new Date(lastEvent),
    tierChangedAt: plan.manual ? null : new Date(plan.upgrade?.at ?? plan.start),
    canceledAt: plan.endAt === null ? null : new Date(plan.endAt),
    createdAt: new Date(plan.start),
    updatedAt: new Date(plan.manual ? plan.start : lastEvent),
  };
}
