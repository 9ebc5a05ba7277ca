import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { signUp, verifyEmail } from "@/lib/auth/accounts";
import { getPublicCatalog } from "@/lib/catalog/public";
import { createTier } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import { renewDueLocalSubscriptions } from "@/lib/payments/billing-clock";
import { startSubscriptionCheckout } from "@/lib/payments/checkout";
import { payLocalCheckout } from "@/lib/payments/local";
import { giveModel, tierForm } from "@/test/catalog";
import { createUser, uniqueEmail } from "@/test/factories";
import { card } from "@/test/payments";
import { EXPERIMENT_COOKIE, newVisitorId, readExperimentCookie, signExperimentCookie } from "./cookie";
import { createExperiment, endExperiment, startExperiment } from "./manage";
import { offeredPlan } from "./offer";
import { routeExperiment } from "./proxy";
import { experimentResults } from "./results";
import { experimentFormSchema } from "./schema";
import { recordUser, recordVisitor } from "./track";

// A price test end to end on the real database with the local payment provider: a visitor assigned
// B signs up, verifies and pays B's price, their subscription records B's plan version, and ending
// the experiment (either way) leaves their price alone.

const admin = { id: "admin-test", email: "admin@example.test" };
const DAY = 864e5;

afterEach(async () => {
  // One experiment runs at a time: never leave one running for the next test.
  for (const e of await db.priceExperiment.findMany({ where: { status: "running" } }))
    await endExperiment(admin, e.id, null);
});

/** A $49 / $490 tier on sale, and a running 50/50 experiment selling it at $39 / $390 with 8,000 credits in B. */
async function runningTest() {
  const code = `exp-${newVisitorId()
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const tier = await createTier(admin, tierForm(code));
  await giveModel(tier.id);
  const input = experimentFormSchema([tier]).parse({
    name: `Cheaper ${code}`,
    weight_A: "50",
    weight_B: "50",
    [`monthly_B_${code}`]: "39",
    [`annual_B_${code}`]: "390",
    [`credits_B_${code}`]: "8000",
  });
  const created = await createExperiment(admin, input);
  await startExperiment(admin, created.id);
  const experiment = await db.priceExperiment.findUniqueOrThrow({
    where: { id: created.id },
    include: { variants: { orderBy: { key: "asc" }, include: { prices: true } } },
  });
  const [a, b] = experiment.variants;
  const cookieFor = (variantId: string) =>
    signExperimentCookie({
      experimentId: experiment.id,
      variantId,
      visitorId: newVisitorId(),
      counted: true,
    });
  return { tier, experiment, a, b, cookieFor };
}

/** A visitor with `cookie` signs up, follows the verification link and pays for the tier monthly. */
async function signUpVerifyAndPay(tierCode: string, cookie: string) {
  const email = uniqueEmail("exp");
  const user = await signUp({ email, password: "a long password", name: null });
  await recordUser(user.id, cookie, true);
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email, template: "verify-email" } });
  await verifyEmail(/verify-email\?token=([\w-]+)/.exec(mail.text)![1]);
  const verified = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
  const { url } = await startSubscriptionCheckout(
    { user: verified, workspaceId, experimentCookie: cookie },
    tierCode,
    "month",
  );
  const checkoutId = url.split("/").pop()!;
  await payLocalCheckout(user.id, card(checkoutId));
  const subscription = await db.subscription.findFirstOrThrow({
    where: { workspaceId },
    include: { planVersion: true },
  });
  const payment = await db.payment.findFirstOrThrow({ where: { workspaceId, kind: "plan_start" } });
  return { user, workspaceId, subscription, payment };
}

describe("price experiments", () => {
  it("sells B's price to a visitor assigned B, records B's plan version, and keeps it after a revert", async () => {
    const { tier, experiment, a, b, cookieFor } = await runningTest();
    const bPrice = b.prices[0];
    expect(bPrice.planVersionId).not.toBeNull();
    // The catalog itself is untouched: the tier still sells its own version at $49.
    const fresh = await db.tier.findUniqueOrThrow({ where: { id: tier.id } });
    expect(fresh.currentPlanVersionId).toBe(tier.currentPlanVersionId);
    expect(fresh.monthlyPriceCents).toBe(4900);

    // The pricing page's copy for each variant shows that variant's price.
    const shown = async (variant: typeof a | typeof b) =>
      (await getPublicCatalog(variant)).tiers.find((t) => t.code === tier.code)!;
    expect((await shown(b)).monthlyPriceCents).toBe(3900);
    expect((await shown(b)).includedMillicredits).toBe("8000000");
    expect((await shown(a)).monthlyPriceCents).toBe(4900);

    const bCookie = cookieFor(b.id);
    await recordVisitor({
      experimentId: experiment.id,
      variantId: a.id,
      visitorId: newVisitorId(),
      counted: true,
    });
    const buyer = await signUpVerifyAndPay(tier.code, bCookie);
    expect(buyer.payment.amountCents).toBe(3900);
    expect(buyer.subscription.planVersionId).toBe(bPrice.planVersionId);
    expect(buyer.subscription.planVersion!.monthlyPriceCents).toBe(3900);
    expect(buyer.subscription.planVersion!.includedMillicredits).toBe(8_000_000n);

    // Their variant follows the account (another device, no cookie); staff always see the control.
    expect((await offeredPlan(tier, "month", { userId: buyer.user.id })).priceCents).toBe(3900);
    const staff = await createUser({ verified: true, role: "admin" });
    expect((await offeredPlan(tier, "month", { userId: staff.id, cookie: bCookie })).priceCents).toBe(4900);
    // A forged or stale cookie gets the catalog.
    expect((await offeredPlan(tier, "month", { cookie: bCookie.slice(0, -2) + "xx" })).priceCents).toBe(4900);

    const { variants } = await experimentResults(experiment.id);
    const [ra, rb] = variants;
    expect([ra.visitors, ra.signUps, ra.conversions]).toEqual([1, 0, 0]);
    expect([rb.visitors, rb.signUps, rb.conversions, rb.revenueCents]).toEqual([1, 1, 1, 3900]);
    expect(rb.comparison!.verdict).toBe("too_early");

    // Revert: the catalog stays at $49, the subscriber renews at the $39 they bought.
    await endExperiment(admin, experiment.id, null);
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).monthlyPriceCents).toBe(4900);
    expect((await offeredPlan(tier, "month", { userId: buyer.user.id, cookie: bCookie })).priceCents).toBe(
      4900,
    );
    const sub = buyer.subscription;
    await db.subscription.update({
      where: { id: sub.id },
      data: {
        currentPeriodStart: new Date(sub.currentPeriodStart.getTime() - 31 * DAY),
        currentPeriodEnd: new Date(Date.now() - 60_000),
      },
    });
    await renewDueLocalSubscriptions();
    const renewal = await db.payment.findFirstOrThrow({
      where: { workspaceId: buyer.workspaceId, kind: "renewal" },
    });
    expect(renewal.amountCents).toBe(3900);
    const audit = await db.auditLog.findMany({
      where: { targetType: "experiment", targetId: experiment.id },
    });
    expect(audit.map((e) => e.action).sort()).toEqual([
      "experiment.create",
      "experiment.end",
      "experiment.start",
    ]);
  });

  it("keeping B makes B's plan version the catalog's for new sales; B's buyer keeps theirs", async () => {
    const { tier, experiment, b, cookieFor } = await runningTest();
    const buyer = await signUpVerifyAndPay(tier.code, cookieFor(b.id));
    await endExperiment(admin, experiment.id, b.id);
    const after = await db.tier.findUniqueOrThrow({ where: { id: tier.id } });
    expect(after.monthlyPriceCents).toBe(3900);
    expect(after.annualPriceCents).toBe(39000);
    expect(after.currentPlanVersionId).toBe(b.prices[0].planVersionId);
    // Someone who never saw the experiment now buys at B's price, on B's version.
    expect((await offeredPlan(after, "year", {})).priceCents).toBe(39000);
    const kept = await db.subscription.findUniqueOrThrow({ where: { id: buyer.subscription.id } });
    expect(kept.planVersionId).toBe(b.prices[0].planVersionId);
    const ended = await db.priceExperiment.findUniqueOrThrow({ where: { id: experiment.id } });
    expect([ended.status, ended.keptVariantId]).toEqual(["ended", b.id]);
  });

  it("assigns visitors at the edge: a cookie once, counted when it comes back, bots left out", async () => {
    const { experiment, b } = await runningTest();
    const browser =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    const request = (path: string, headers: Record<string, string>) =>
      routeExperiment(new NextRequest(`http://localhost${path}`, { headers }), new Headers());
    const visitors = () => db.experimentAssignment.count({ where: { experimentId: experiment.id } });

    expect(
      await request("/pricing", { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" }),
    ).toBeNull();
    expect(await request("/api/v1/models", { "user-agent": browser })).toBeNull();

    // A new visitor: a signed, not yet counted cookie; /pricing is the copy of the variant drawn.
    const first = (await request("/pricing", { "user-agent": browser }))!;
    const cookie = readExperimentCookie(first.cookies.get(EXPERIMENT_COOKIE)!.value)!;
    expect(cookie).toMatchObject({ experimentId: experiment.id, counted: false });
    const rewrite = first.headers.get("x-middleware-rewrite");
    if (cookie.variantId === b.id) expect(rewrite).toMatch(new RegExp(`/pricing/v/${b.id}$`));
    else expect(rewrite).toBeNull();
    expect(await visitors()).toBe(0);

    // The cookie comes back: counted once, the cookie says so, the variant stays.
    const raw = first.cookies.get(EXPERIMENT_COOKIE)!.value;
    const second = (await request("/docs", {
      "user-agent": browser,
      cookie: `${EXPERIMENT_COOKIE}=${raw}`,
    }))!;
    expect(readExperimentCookie(second.cookies.get(EXPERIMENT_COOKIE)!.value)).toEqual({
      ...cookie,
      counted: true,
    });
    await request("/docs", { "user-agent": browser, cookie: `${EXPERIMENT_COOKIE}=${raw}` });
    expect(await visitors()).toBe(1);

    // Assigned B: / and /pricing show B's static copies.
    const bCookie = signExperimentCookie({
      experimentId: experiment.id,
      variantId: b.id,
      visitorId: "vb",
      counted: true,
    });
    const home = (await request("/", { "user-agent": browser, cookie: `${EXPERIMENT_COOKIE}=${bCookie}` }))!;
    expect(home.headers.get("x-middleware-rewrite")).toMatch(new RegExp(`/v/${b.id}$`));
  });

  it("runs one experiment at a time", async () => {
    const { experiment } = await runningTest();
    const tier = await createTier(admin, tierForm(`exq-${Date.now()}`));
    await giveModel(tier.id);
    const second = await createExperiment(
      admin,
      experimentFormSchema([tier]).parse({
        name: "Second",
        weight_A: "1",
        weight_B: "1",
        [`monthly_B_${tier.code}`]: "59",
        [`annual_B_${tier.code}`]: "590",
      }),
    );
    await expect(startExperiment(admin, second.id)).rejects.toThrow(
      new RegExp(`“${experiment.name}” is already running on Tier exp-.*End it before starting another`),
    );
  });

  it("explains every problem in the form next to its field", () => {
    const tiers = [{ id: "t1", code: "pro", name: "Pro", monthlyPriceCents: 4900, annualPriceCents: 49000 }];
    const result = experimentFormSchema(tiers).safeParse({
      name: "",
      weight_A: "0",
      weight_B: "50",
      monthly_B_pro: "19.999",
      annual_B_pro: "",
      credits_B_pro: "lots",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      name: "Give the experiment a name.",
      weight_A: "Variant A: enter a share of traffic from 1 to 100.",
      monthly_B_pro: "B, Pro monthly: enter an amount from $0.50 to $100,000, like 29 or 29.99.",
      annual_B_pro: "B, Pro: enter the annual price too.",
      credits_B_pro: "B, Pro included credits: enter a number of credits like 5000, or leave blank.",
    });
    const noChange = experimentFormSchema(tiers).safeParse({ name: "x", weight_A: "1", weight_B: "1" });
    expect(noChange.error!.issues[0].message).toBe(
      "Variant B: set the prices of at least one plan (or leave the variant out).",
    );
    const pricey = experimentFormSchema(tiers).safeParse({
      name: "x",
      weight_A: "1",
      weight_B: "1",
      monthly_B_pro: "10",
      annual_B_pro: "121",
    });
    expect(pricey.error!.issues[0].message).toBe(
      "B, Pro: the annual price cannot be more than 12 monthly payments.",
    );
  });
});
