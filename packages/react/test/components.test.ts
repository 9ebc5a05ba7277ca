import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { errorFromResponse, type Model } from "@tollgate/sdk";
import { getPublicCatalog } from "@/lib/catalog/public";
import {
  CreditBalance,
  describeRefusal,
  ModelPicker,
  PricingTable,
  QuotaMeter,
  UpgradePrompt,
} from "../src/index";

// The components' markup as a server render gives it (what users and assistive technology get
// first); their behaviour against a live Tollgate is covered by e2e/example-app.spec.ts.

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000 + 30_000).toISOString();
const money = (millicredits: number) => ({ millicredits, credits: String(millicredits / 1000) });

function model(over: Partial<Model>): Model {
  return {
    id: "poster-editor:inpaint-standard",
    object: "model",
    created: 1,
    owned_by: "poster-editor",
    type: "metered",
    model: "poster-editor:inpaint-standard",
    name: "Inpaint Standard",
    unit: "image",
    allowed: true,
    requiredTier: "free",
    free: false,
    beta: false,
    quotaWeight: 1,
    priceVersion: 1,
    price: { perUnit: money(12_000) },
    pricing: null,
    ...over,
  };
}

describe("<QuotaMeter />", () => {
  it("is a labelled meter with used, limit and when it resets", () => {
    const html = renderToStaticMarkup(
      h(QuotaMeter, { quota: { used: 10, limit: 50, resetsAt: inHours(5) } }),
    );
    expect(html).toContain('role="meter"');
    expect(html).toContain('aria-valuenow="10"');
    expect(html).toContain('aria-valuemax="50"');
    expect(html).toContain("10 / 50 used");
    expect(html).toContain("resets in 5 h");
    expect(html).toContain('data-state="ok"');
  });

  it("warns under 20% left and says when it is used up", () => {
    const low = renderToStaticMarkup(h(QuotaMeter, { quota: { used: 41, limit: 50, resetsAt: inHours(1) } }));
    expect(low).toContain('data-state="warning"');
    expect(low).toContain("Only 9 left");
    const none = renderToStaticMarkup(
      h(QuotaMeter, { quota: { used: 50, limit: 50, resetsAt: inHours(1) } }),
    );
    expect(none).toContain('data-state="exhausted"');
    expect(none).toContain("Used up");
    expect(renderToStaticMarkup(h(QuotaMeter, { quota: null }))).toContain("No daily quota");
  });
});

describe("<CreditBalance />", () => {
  it("shows the balance in credits and, asked to, the runway", () => {
    const html = renderToStaticMarkup(
      h(CreditBalance, { me: { balance: money(1_234_500), runway: { days: 12 } }, showRunway: true }),
    );
    expect(html).toContain("1,234.5 credits");
    expect(html).toContain("Lasts about 12 days");
    expect(
      renderToStaticMarkup(
        h(CreditBalance, { me: { balance: money(0), runway: { days: null } }, showRunway: true }),
      ),
    ).toContain("No recent paid usage");
  });
});

describe("<ModelPicker />", () => {
  const models = [
    model({}),
    model({
      id: "poster-editor:inpaint-pro",
      name: "Inpaint Pro",
      allowed: false,
      requiredTier: "pro",
      price: { perUnit: money(42_000) },
    }),
    model({ id: "carousel-mix:brand-kit", owned_by: "carousel-mix", name: "Brand Kit", beta: true }),
    model({
      id: "chat:gpt-4o-mini",
      owned_by: "chat",
      type: "chat",
      name: "GPT-4o mini",
      unit: "token",
      price: { per1kInputTokens: money(165), per1kOutputTokens: money(660) },
    }),
  ];

  it("disables locked models with the tier that unlocks them, a link to upgrade, and each price", () => {
    const html = renderToStaticMarkup(
      h(ModelPicker, {
        models,
        value: "poster-editor:inpaint-standard",
        onChange: () => {},
        app: "poster-editor",
        upgradeUrl: (tier: string) => `https://billing.example/dashboard/billing?plan=${tier}`,
      }),
    );
    expect(html).toContain("<legend");
    expect(html).toMatch(/<input[^>]*disabled=""[^>]*value="poster-editor:inpaint-pro"/);
    expect(html).toMatch(/Inpaint Pro.*Pro plan/);
    expect(html).toContain("Upgrade to Pro to unlock");
    expect(html).toContain('href="https://billing.example/dashboard/billing?plan=pro"');
    expect(html).toContain("12 credits / image");
    expect(html).toContain("42 credits / image");
    expect(html).not.toContain("Brand Kit"); // another app
  });

  it("filters by type and shows beta badges and token prices", () => {
    const chat = renderToStaticMarkup(
      h(ModelPicker, { models, value: null, onChange: () => {}, type: "chat" }),
    );
    expect(chat).toContain("0.165 / 0.66 credits per 1k tokens");
    expect(chat).not.toContain("Inpaint");
    const all = renderToStaticMarkup(h(ModelPicker, { models, value: null, onChange: () => {} }));
    expect(all).toMatch(/Brand Kit.*Beta/);
  });
});

describe("<UpgradePrompt /> and describeRefusal()", () => {
  const refusal = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
    errorFromResponse(status, { error: { message: "refused", ...error } }, new Headers(headers));

  it("maps each refusal to what the user can do", () => {
    expect(
      describeRefusal(
        refusal(402, {
          code: "insufficient_credits",
          requiredMillicredits: 12_000,
          balanceMillicredits: 2_000,
          buyCreditsUrl: "https://billing.example/dashboard/credits",
        }),
      ),
    ).toMatchObject({
      title: "Not enough credits",
      message: "This needs 12 credits; you have 2 credits. Buy credits to continue.",
      action: { label: "Buy credits", href: "https://billing.example/dashboard/credits" },
    });
    expect(
      describeRefusal(
        refusal(403, {
          code: "model_not_allowed",
          requiredTier: "pro",
          upgradeUrl: "https://billing.example/dashboard/billing?plan=pro",
        }),
      ),
    ).toMatchObject({
      title: "Upgrade to Pro to use this model",
      action: { label: "Upgrade to Pro", href: "https://billing.example/dashboard/billing?plan=pro" },
    });
    const quota = describeRefusal(
      refusal(429, {
        code: "quota_exceeded",
        resetsAt: inHours(3),
        upgradeUrl: "https://billing.example/dashboard/billing",
      }),
    );
    expect(quota.title).toBe("Daily quota used up");
    expect(quota.message).toMatch(/resets in 3 h .*UTC/);
    expect(quota.action?.label).toBe("Upgrade plan");
    expect(describeRefusal(refusal(429, { code: "rate_limited" }, { "retry-after": "17" })).message).toBe(
      "Try again in 17 s.",
    );
    // A plain API body works too (an app that passes the JSON on).
    expect(describeRefusal({ error: { code: "something_new", message: "Odd." } })).toMatchObject({
      title: "Something went wrong",
      message: "Odd.",
    });
  });

  it("renders a labelled dialog with the action, and nothing without an error", () => {
    const html = renderToStaticMarkup(
      h(UpgradePrompt, {
        error: refusal(402, { code: "insufficient_credits", buyCreditsUrl: "https://billing.example/c" }),
        onClose: () => {},
      }),
    );
    expect(html).toMatch(/<dialog[^>]*aria-labelledby/);
    expect(html).toContain("Not enough credits");
    expect(html).toContain('href="https://billing.example/c"');
    expect(renderToStaticMarkup(h(UpgradePrompt, { error: null, onClose: () => {} }))).toBe("");
  });
});

describe("<PricingTable />", () => {
  it("lists the public catalog's plans with prices and the current plan marked", async () => {
    const catalog = JSON.parse(JSON.stringify(await getPublicCatalog()));
    const html = renderToStaticMarkup(
      h(PricingTable, { catalog, currentTier: "free", href: (t: string) => `/upgrade?plan=${t}` }),
    );
    for (const tier of catalog.tiers as { name: string }[]) expect(html).toContain(tier.name);
    expect(html).toContain("$19");
    expect(html).toContain("Current plan");
    expect(html).toContain('href="/upgrade?plan=pro"');
    expect(html).not.toContain('href="/upgrade?plan=free"');
  });
});
