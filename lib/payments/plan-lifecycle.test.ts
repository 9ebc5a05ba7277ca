import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { updateSettings } from "@/lib/settings/settings";
import { changeBalance } from "@/lib/billing/ledger";
import { db } from "@/lib/db";
import { ledgerSum } from "@/test/metering";
import { balanceOf, nextMonth, subscribed } from "@/test/payments";
import { endUnpaidSubscriptions, renewDueLocalSubscriptions, retryPastDueRenewal } from "./billing-clock";
import { saveLocalCard } from "./cards";
import { cancelScheduledChange, changePlan } from "./plans";
import { processEvent } from "./webhook";

const DAY = 864e5;
const card = (cardNumber: string) => ({
  cardNumber: cardNumber.replaceAll(" ", ""),
  expiry: "12/40",
  cvc: "123",
});

/** Moves the subscription's period so that `daysUsed` of it have passed. */
async function advance(subscriptionId: string, daysUsed: number, lengthDays = 30) {
  const start = new Date(Date.now() - daysUsed * DAY);
  await db.subscription.update({
    where: { id: subscriptionId },
    data: { currentPeriodStart: start, currentPeriodEnd: new Date(start.getTime() + lengthDays * DAY) },
  });
}

describe("upgrades", () => {
  it("Pro -> Enterprise mid-period charges the prorated difference at once and grants the difference in included credits", async () => {
    const s = await subscribed("pro", "month");
    const before = await s.sub();
    await advance(before.id, 15);
    const quote = await changePlan(s.actor, s.workspaceId, "enterprise", "month");
    expect(quote).toMatchObject({ when: "now", chargeCents: 16_000 }); // half of ($399 - $79)

    const after = await s.sub();
    expect(after).toMatchObject({
      id: before.id,
      tier: { code: "enterprise" },
      interval: "month",
      status: "active",
    });
    expect(await balanceOf(s.workspaceId)).toBe(600_000_000n); // 100k granted at start + 500k difference
    expect(await ledgerSum(s.workspaceId)).toBe(600_000_000n);
    const payment = await db.payment.findFirstOrThrow({
      where: { workspaceId: s.workspaceId, kind: "plan_change" },
    });
    expect(payment).toMatchObject({
      amountCents: 16_000,
      status: "paid",
      millicredits: 500_000_000n,
      description: "Upgrade to Enterprise (monthly), prorated",
    });
    expect(await db.emailOutbox.count({ where: { to: s.user.email, template: "payment-receipt" } })).toBe(2);
    const upgraded = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "tier-upgraded" },
    });
    expect(upgraded).toHaveLength(1);
    expect(upgraded[0]).toMatchObject({
      subject: "You're now on Enterprise",
      idempotencyKey: `tier-upgraded:${payment.id}`,
    });
    expect(upgraded[0].text).toContain("your upgrade from Pro to Enterprise is done");
    expect(upgraded[0].text).toContain("Charged today: $160 (prorated)");
    expect(upgraded[0].text).toContain("500,000 credits were added");
  });

  it("monthly -> annual starts a new year now, crediting the unused month", async () => {
    const s = await subscribed("starter", "month");
    await advance((await s.sub()).id, 10);
    const quote = await changePlan(s.actor, s.workspaceId, "starter", "year");
    expect(quote).toMatchObject({ when: "now", chargeCents: 19_000 - 1_267 });
    const sub = await s.sub();
    expect(sub.interval).toBe("year");
    expect(sub.currentPeriodEnd.getTime() - sub.currentPeriodStart.getTime()).toBe(365 * DAY);
    expect(sub.currentPeriodStart.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await balanceOf(s.workspaceId)).toBe(20_000_000n); // same tier: no more included credits
    const upgraded = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "tier-upgraded" },
    });
    expect(upgraded).toHaveLength(1);
    expect(upgraded[0].subject).toBe("You're now on Starter (annual)");
    expect(upgraded[0].text).toContain("Charged today: $177.33 (prorated)");
    expect(upgraded[0].text).not.toContain("were added to your balance");
  });

  it("a declined card changes nothing", async () => {
    const s = await subscribed("pro", "month");
    await saveLocalCard(s.workspaceId, card("4000 0000 0000 0341"));
    await expect(changePlan(s.actor, s.workspaceId, "enterprise", "month")).rejects.toThrow(
      /ending 0341 was declined/,
    );
    expect((await s.sub()).tier.code).toBe("pro");
    expect(await balanceOf(s.workspaceId)).toBe(100_000_000n);
    expect(await db.payment.count({ where: { workspaceId: s.workspaceId } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: s.user.email, template: "tier-upgraded" } })).toBe(0);
  });
});

describe("downgrades and renewals", () => {
  it("a downgrade is scheduled, shown, and can be taken back; at renewal it applies with the rollover, once", async () => {
    const s = await subscribed("pro", "month");
    const quote = await changePlan(s.actor, s.workspaceId, "starter", "month");
    expect(quote.when).toBe("period_end");
    expect(await s.sub()).toMatchObject({
      tier: { code: "pro" },
      scheduledTier: { code: "starter" },
      scheduledInterval: "month",
    });
    await cancelScheduledChange(s.actor, s.workspaceId);
    expect(await s.sub()).toMatchObject({ tier: { code: "pro" }, scheduledTierId: null });
    await changePlan(s.actor, s.workspaceId, "starter", "month");
    // Scheduled twice for the same period end: one email.
    const scheduled = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "downgrade-scheduled" },
    });
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0].subject).toMatch(/^Your plan changes to Starter on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(scheduled[0].text).toContain("your workspace moves from Pro to Starter on");
    expect(await db.emailOutbox.count({ where: { to: s.user.email, template: "tier-upgraded" } })).toBe(0);

    // Spend 40,000 of the 100,000 included credits, then let the period end.
    await changeBalance({
      workspaceId: s.workspaceId,
      kind: "usage",
      amountMillicredits: -40_000_000n,
      reference: "usage:test",
    });
    await advance((await s.sub()).id, 31);
    const sub = await s.sub();
    expect(await renewDueLocalSubscriptions()).toBeGreaterThanOrEqual(1);
    expect(await renewDueLocalSubscriptions()).toBe(0); // the period moved on: nothing is due twice

    const renewed = await s.sub();
    expect(renewed).toMatchObject({
      id: sub.id,
      tier: { code: "starter" },
      scheduledTierId: null,
      status: "active",
    });
    expect(renewed.currentPeriodStart.getTime()).toBe(
      Math.floor(sub.currentPeriodEnd.getTime() / 1000) * 1000,
    ); // Stripe times are whole seconds
    // The renewal bills the period; included credits follow the calendar month. At the month's turn
    // the 60,000 unused included credits expire but for 30,000 (50%), then Starter's 20,000 arrive.
    expect(await balanceOf(s.workspaceId)).toBe(60_000_000n);
    await nextMonth(s.workspaceId);
    expect(await balanceOf(s.workspaceId)).toBe(50_000_000n);
    expect(await ledgerSum(s.workspaceId)).toBe(50_000_000n);
    const kinds = await db.ledgerEntry.findMany({
      where: { workspaceId: s.workspaceId, kind: { in: ["expiry", "rollover", "monthly_grant"] } },
      orderBy: { seq: "asc" },
      select: { kind: true, amountMillicredits: true },
    });
    expect(kinds.slice(-3)).toEqual([
      { kind: "expiry", amountMillicredits: -60_000_000n },
      { kind: "rollover", amountMillicredits: 30_000_000n },
      { kind: "monthly_grant", amountMillicredits: 20_000_000n },
    ]);
    expect(
      await db.payment.findFirstOrThrow({ where: { workspaceId: s.workspaceId, kind: "renewal" } }),
    ).toMatchObject({ amountCents: 1_900, description: "Starter plan (monthly) renewal" });
    expect(
      await db.emailOutbox.count({
        where: {
          to: s.user.email,
          template: { in: ["downgrade-scheduled", "tier-upgraded", "subscription-canceled"] },
        },
      }),
    ).toBe(1);
  });

  it("uses the admin's rollover setting and never expires purchased credits", async () => {
    await updateSettings(null, { rolloverPercent: 0 });
    try {
      const s = await subscribed("starter", "month");
      await changeBalance({
        workspaceId: s.workspaceId,
        kind: "purchase",
        amountMillicredits: 5_000_000n,
        reference: "checkout:test",
      });
      await advance((await s.sub()).id, 31);
      await renewDueLocalSubscriptions();
      await nextMonth(s.workspaceId);
      // 20,000 included expire (0% rollover), the 5,000 bought stay, 20,000 new arrive.
      expect(await balanceOf(s.workspaceId)).toBe(25_000_000n);
      expect(await db.ledgerEntry.count({ where: { workspaceId: s.workspaceId, kind: "rollover" } })).toBe(0);
    } finally {
      await updateSettings(null, { rolloverPercent: 50 });
    }
  });

  it("a plan set to cancel ends at the period end and the workspace is back on the free plan", async () => {
    const s = await subscribed("pro", "month");
    await db.subscription.update({ where: { id: (await s.sub()).id }, data: { cancelAtPeriodEnd: true } });
    await advance((await s.sub()).id, 31);
    await renewDueLocalSubscriptions();
    expect((await s.sub()).status).toBe("canceled");
    // Back on the free plan, which has a daily quota too.
    expect((await db.workspace.findUniqueOrThrow({ where: { id: s.workspaceId } })).accountType).toBe(
      "subscription",
    );
    expect(await db.payment.count({ where: { workspaceId: s.workspaceId, kind: "renewal" } })).toBe(0);
    const ended = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "subscription-canceled" },
    });
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      subject: "Your Pro plan has ended",
      idempotencyKey: `subscription-canceled:${(await s.sub()).id}`,
    });
    expect(ended[0].text).toContain("Your workspace is now on the Free plan");
  });
});

describe("failed renewal payments", () => {
  it("past due with one email, a new card pays the renewal; unpaid after the grace period, back to free", async () => {
    const s = await subscribed("pro", "month");
    await saveLocalCard(s.workspaceId, card("4000 0000 0000 0341"));
    await advance((await s.sub()).id, 31);
    await renewDueLocalSubscriptions();
    const pastDue = await s.sub();
    expect(pastDue).toMatchObject({ status: "past_due", tier: { code: "pro" } });
    expect(pastDue.pastDueAt).not.toBeNull();
    const emails = await db.emailOutbox.findMany({ where: { to: s.user.email, template: "payment-failed" } });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe("Action needed: your Pro payment failed");
    expect(await balanceOf(s.workspaceId)).toBe(100_000_000n); // no new credits until paid

    // Within the grace period nothing ends; a working card pays the open renewal.
    expect(await endUnpaidSubscriptions()).toBe(0);
    await saveLocalCard(s.workspaceId, card("4242 4242 4242 4242"));
    expect(await retryPastDueRenewal(s.workspaceId)).toBe(true);
    expect(await s.sub()).toMatchObject({ status: "active", pastDueAt: null });
    expect(
      await db.payment.count({ where: { workspaceId: s.workspaceId, kind: "renewal", status: "paid" } }),
    ).toBe(1);

    // Next period: the card fails again and nobody pays for 8 days.
    await saveLocalCard(s.workspaceId, card("4000 0000 0000 0341"));
    await advance((await s.sub()).id, 33);
    await renewDueLocalSubscriptions();
    expect((await s.sub()).status).toBe("past_due");
    await endUnpaidSubscriptions(new Date(Date.now() + 8 * DAY));
    expect((await s.sub()).status).toBe("canceled");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: s.workspaceId } })).accountType).toBe(
      "subscription",
    );
    // The provider's deleted event again (a redelivery under a new id): still one email.
    const deleted = await db.webhookEvent.findFirstOrThrow({
      where: {
        type: "customer.subscription.deleted",
        payload: { path: ["data", "object", "id"], equals: (await s.sub()).providerSubscriptionId! },
      },
    });
    expect(
      await processEvent({ ...(deleted.payload as unknown as Stripe.Event), id: `${deleted.id}_again` }),
    ).toBe("processed");
    const ended = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "subscription-canceled" },
    });
    expect(ended.map((e) => e.subject)).toEqual(["Your Pro plan has ended"]);
  });
});
