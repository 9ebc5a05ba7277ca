import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { planOf } from "@/lib/billing/plan";
import { sameTerms } from "@/lib/billing/plan-versions";
import { tierSchema } from "@/lib/catalog/schemas";
import { createTier, updateTier } from "@/lib/catalog/tiers";
import { grantIncludedCredits } from "@/lib/billing/included-credits";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/metering/api-keys";
import { authenticate } from "@/lib/metering/authenticate";
import { giveModel, uniqueRank } from "@/test/catalog";
import { balanceOf, subscribed } from "@/test/payments";
import { renewDueLocalSubscriptions } from "./billing-clock";
import { moveSubscribersToCurrentVersion, tierVersions } from "./plan-moves";

const DAY = 864e5;
const admin = { id: "admin-test", email: "admin@example.test" };

const tierForm = (code: string, terms: { monthly: string; credits: string; quota: string }) =>
  tierSchema.parse({
    code,
    name: `Plan ${code}`,
    monthlyPrice: terms.monthly,
    annualPrice: String(Number(terms.monthly) * 10),
    includedCredits: terms.credits,
    dailyQuotaUnits: terms.quota,
    rateLimitPerMinute: "60",
    markupPercent: "",
    rank: uniqueRank(),
    isPublic: "on",
  });

/** Time passes: the subscription's period (and any scheduled move) lie `days` further in the past. */
async function elapse(subscriptionId: string, days: number) {
  const sub = await db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
  const back = (d: Date) => new Date(d.getTime() - days * DAY);
  await db.subscription.update({
    where: { id: subscriptionId },
    data: {
      currentPeriodStart: back(sub.currentPeriodStart),
      currentPeriodEnd: back(sub.currentPeriodEnd),
      planMoveAt: sub.planMoveAt && back(sub.planMoveAt),
    },
  });
}

const renewals = (workspaceId: string) =>
  db.payment.findMany({
    where: { workspaceId, kind: "renewal" },
    orderBy: { createdAt: "asc" },
    select: { amountCents: true },
  });

/** The daily quota the metering path enforces, and the plan GET /api/v1/me shows. */
async function seenByApps(workspaceId: string) {
  const { key } = await createApiKey(null, workspaceId, { name: "t", monthlySpendCapMillicredits: null });
  const headers = { authorization: `Bearer ${key}` };
  const me = await (await getMe(new Request("http://localhost/api/v1/me", { headers }))).json();
  return { metering: (await authenticate(`Bearer ${key}`)).plan.dailyQuotaUnits, me: me.plan };
}

describe("plan versions", () => {
  it("Grandfathering: change a price, old subscriber renews at the old price, new subscriber pays the new", async () => {
    const code = `gf-${randomUUID().slice(0, 8)}`;
    const tier = await createTier(admin, tierForm(code, { monthly: "10", credits: "10000", quota: "100" }));
    await giveModel(tier.id); // on sale
    const early = await subscribed(code, "month");

    await updateTier(admin, tier.id, tierForm(code, { monthly: "15", credits: "15000", quota: "200" }));
    // The tier's own columns (what the pricing page and calculator show) are its current version's terms.
    const edited = await db.tier.findUniqueOrThrow({
      where: { id: tier.id },
      include: { currentPlanVersion: true },
    });
    expect(sameTerms(edited, edited.currentPlanVersion!)).toBe(true);
    const late = await subscribed(code, "month");

    // Each paid and was granted what their version promised.
    expect(await balanceOf(early.workspaceId)).toBe(10_000_000n);
    expect(await balanceOf(late.workspaceId)).toBe(15_000_000n);
    expect(await planOf(early.workspaceId)).toMatchObject({ version: 1, priceCents: 1_000 });
    expect(await planOf(late.workspaceId)).toMatchObject({ version: 2, priceCents: 1_500 });
    // The metering path takes each one's daily quota from their version; /me shows their terms.
    expect(await seenByApps(early.workspaceId)).toMatchObject({
      metering: 100,
      me: { version: 1, priceCents: 1_000, includedMillicredits: 10_000_000, dailyQuota: 100 },
    });
    expect(await seenByApps(late.workspaceId)).toMatchObject({
      metering: 200,
      me: { version: 2, priceCents: 1_500, includedMillicredits: 15_000_000, dailyQuota: 200 },
    });

    // Both renew through the billing clock and the invoice.paid webhook.
    await elapse((await early.sub()).id, 31);
    await elapse((await late.sub()).id, 31);
    await renewDueLocalSubscriptions();
    expect(await renewals(early.workspaceId)).toEqual([{ amountCents: 1_000 }]);
    expect(await renewals(late.workspaceId)).toEqual([{ amountCents: 1_500 }]);
    // Included credits follow the calendar month, each at the subscriber's version.
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const grant = (workspaceId: string) =>
      db.$transaction((tx) => grantIncludedCredits(tx, workspaceId, { at: nextMonth }));
    expect(await grant(early.workspaceId)).toBe(10_000_000n);
    expect(await grant(late.workspaceId)).toBe(15_000_000n);

    // The admin sees both versions with one subscriber each; the change was audited.
    expect((await tierVersions(tier.id)).map((v) => [v.version, v.monthlyPriceCents, v.subscribers])).toEqual(
      [
        [2, 1_500, 1],
        [1, 1_000, 1],
      ],
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: tier.id, action: "tier.version" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ version: 2, monthlyPriceCents: 1_500 });
  });

  it("an admin's move takes effect at the first renewal at least N days away, after an email", async () => {
    const code = `mv-${randomUUID().slice(0, 8)}`;
    const tier = await createTier(admin, tierForm(code, { monthly: "10", credits: "10000", quota: "100" }));
    await giveModel(tier.id); // on sale
    const s = await subscribed(code, "month");
    await updateTier(admin, tier.id, tierForm(code, { monthly: "12", credits: "10000", quota: "100" }));
    await elapse((await s.sub()).id, 20); // the next renewal is 10 days away

    const result = await moveSubscribersToCurrentVersion(admin, tier.id, 30);
    expect(result).toEqual({ moved: 1, version: 2, stripeKept: 0 });
    // A second click moves nobody again and sends nothing new.
    expect(await moveSubscribersToCurrentVersion(admin, tier.id, 30)).toEqual({
      moved: 0,
      version: 2,
      stripeKept: 0,
    });
    const sub = await s.sub();
    // 10 days is too soon: the move waits for the renewal after it, 40 days away.
    expect(sub.planMoveAt!.getTime() - sub.currentPeriodEnd.getTime()).toBe(30 * DAY);
    const emails = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "plan-terms-changing" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toMatch(new RegExp(`^Your Plan ${code} plan changes on \\w{3} \\d+, \\d{4}$`));
    expect(emails[0].text).toContain("Price: $10 a month → $12 a month");

    await elapse(sub.id, 11);
    await renewDueLocalSubscriptions(); // still before the move: the old price
    // Half a day after that period ends (the renewal invoice is named after its start).
    await elapse(sub.id, 29.5);
    await renewDueLocalSubscriptions(); // the move is due: the new price from here on
    expect((await renewals(s.workspaceId)).map((p) => p.amountCents)).toEqual([1_000, 1_200]);
    expect(await planOf(s.workspaceId)).toMatchObject({ version: 2, priceCents: 1_200 });
    expect(await s.sub()).toMatchObject({ scheduledPlanVersionId: null, planMoveAt: null });
  });
});
