import { priceCall, quotaUnits } from "@/lib/catalog/pricing";
import { scheduleSubscription, subscriptionRow } from "./billing";
import { MINUTE, type People } from "./people";
import { paidTierAt, type Persona } from "./plans";
import type { Rng } from "./random";
import { pickModel, usageFor, usageTimes } from "./usage";
import type {
  ApiKeyRow,
  DemoModel,
  DemoPack,
  DemoTier,
  PaymentMethodRow,
  QuotaRow,
  SubscriptionRow,
} from "./types";
import { Output, Wallet } from "./wallet";

// Plays each workspace's 90 days forward in time order: its scheduled money events and its API
// calls, charged exactly as tollgate_charge_usage would (quota, credits or free; never below zero).

const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Referral rewards land when the referred user first pays (SPEC §2), in two workspaces. */
function referralCredits(people: People, personas: Persona[], w: Wallet[], out: Output) {
  const byUser = new Map(people.profiles.filter((p) => !p.team).map((p, i) => [p.owner.id, i]));
  for (const [i, p] of people.profiles.entries()) {
    if (p.team || !p.owner.referredById || !p.owner.emailVerifiedAt) continue;
    const persona = personas[i];
    const firstPaid = persona.sub && !persona.sub.manual ? persona.sub.start : persona.firstBuyAt;
    if (firstPaid === null) continue;
    const at = firstPaid + 1000;
    if (at >= out.anchor) continue;
    p.owner.referralRewardedAt = new Date(at);
    p.owner.updatedAt = new Date(Math.max(p.owner.updatedAt.getTime(), at));
    const { referralReferrerMillicredits: toReferrer, referralNewUserMillicredits: toNewUser } =
      out.catalog.settings;
    const referrer = byUser.get(p.owner.referredById);
    if (referrer !== undefined && toReferrer > 0n)
      w[referrer].schedule(at, (t) =>
        w[referrer].entry(
          t,
          "referral",
          toReferrer,
          `referral:referrer:${p.owner.id}`,
          `Referral reward: ${p.owner.email} joined`,
        ),
      );
    if (toNewUser > 0n)
      w[i].schedule(at, (t) =>
        w[i].entry(t, "referral", toNewUser, `referral:welcome:${p.owner.id}`, "Referral welcome bonus"),
      );
  }
}

type Sim = {
  wallet: Wallet;
  persona: Persona;
  r: Rng;
  keyId: string | null;
  quota: Map<string, number>;
  bought: boolean;
  churnBuyer: boolean;
  lastUsedAt: number | null;
};

function packFor(packs: DemoPack[], preferred: number, need: bigint): DemoPack | null {
  return packs.slice(preferred).find((p) => p.millicredits + p.bonusMillicredits >= need) ?? null;
}

/** One API call at `t`: priced, then charged to quota, credits or nothing (free), or refused (not recorded). */
function call(s: Sim, t: number, allowed: Map<string, DemoModel[]>) {
  const { wallet: w, persona, r } = s;
  const { catalog } = w.out;
  const tierIndex = paidTierAt(persona.sub, t);
  const tier: DemoTier = tierIndex === null ? catalog.freeTier : catalog.paidTiers[tierIndex];
  const models = allowed.get(tier.id) ?? [];
  if (!models.length || !s.keyId) return;
  const onQuota = tierIndex !== null;
  const payg =
    !onQuota && (persona.kind === "buyer" || (persona.kind === "subscriber" && s.churnBuyer)) && s.bought;
  let model = pickModel(r, models, persona.favoredApps, onQuota ? 0.5 : payg ? 0.5 : 3);
  let usage = usageFor(r, model);
  let price = priceCall({
    model,
    usage,
    tierMarkupBps: tier.markupBps,
    defaultMarkupBps: catalog.settings.defaultMarkupBps,
  });
  let billedTo: "quota" | "credits" | "free" = model.free ? "free" : onQuota ? "quota" : "credits";
  let units = 0;
  let used: number | null = null;
  const day = dayKey(t);
  if (billedTo === "quota") {
    const need = quotaUnits(model, usage);
    used = s.quota.get(day) ?? 0;
    if (used + need <= tier.dailyQuotaUnits) {
      units = need;
      used += need;
      s.quota.set(day, used);
    } else if (persona.overage && w.balance >= price.millicredits) billedTo = "credits";
    else return; // quota_exceeded (or insufficient credits for the overage)
  } else if (billedTo === "credits" && w.balance < price.millicredits) {
    const pack = payg ? packFor(catalog.packs, persona.packIndex, price.millicredits - w.balance) : null;
    if (pack)
      w.buyPack(Math.min(t, Math.max(w.lastChangeAt + 1, t - Math.floor(r.range(1, 10) * MINUTE))), pack);
    else {
      // 402: the app falls back to a free model now and then, else the call is not made.
      const free = models.filter((m) => m.free);
      if (!free.length || !r.chance(0.6)) return;
      model = r.pick(free);
      usage = usageFor(r, model);
      price = priceCall({
        model,
        usage,
        tierMarkupBps: tier.markupBps,
        defaultMarkupBps: catalog.settings.defaultMarkupBps,
      });
      billedTo = "free";
    }
  }
  const id = w.out.nextId("demo_ue_", 7);
  const charged = billedTo === "credits" ? price.millicredits : 0n;
  if (charged > 0n) w.entry(t, "usage", -charged, `usage:${id}`, null);
  const token = model.unit === "token";
  w.out.usageEvents.push({
    id,
    workspaceId: w.wsId,
    apiKeyId: s.keyId,
    modelId: model.id,
    modelKey: model.key,
    quantity: token ? null : BigInt(usage.quantity ?? 1),
    inputTokens: token ? BigInt(usage.inputTokens ?? 0) : null,
    outputTokens: token ? BigInt(usage.outputTokens ?? 0) : null,
    billedTo,
    markupBps: billedTo === "credits" ? price.markupBps : 0,
    priceVersion: price.priceVersion,
    providerCostMicros: price.providerCostMicros,
    chargedMillicredits: charged,
    quotaUnits: units,
    balanceAfterMillicredits: w.balance,
    quotaUsedAfter: onQuota && billedTo !== "free" ? used : null,
    quotaLimit: onQuota ? tier.dailyQuotaUnits : 0,
    createdAt: new Date(t),
  });
  s.lastUsedAt = t;
}

export type Simulated = {
  apiKeys: ApiKeyRow[];
  subscriptions: SubscriptionRow[];
  paymentMethods: PaymentMethodRow[];
  quotaCounters: QuotaRow[];
};

export function simulate(rng: Rng, people: People, personas: Persona[], out: Output): Simulated {
  const { catalog, anchor } = out;
  const allowed = new Map<string, DemoModel[]>(
    [catalog.freeTier, ...catalog.paidTiers].map((t) => [
      t.id,
      catalog.models.filter((m) => m.tierIds.includes(t.id)),
    ]),
  );
  const wallets = people.profiles.map(
    (p, i) => new Wallet(out, p, personas[i], rng.fork(`wallet:${p.index}`)),
  );
  referralCredits(people, personas, wallets, out);
  const result: Simulated = { apiKeys: [], subscriptions: [], paymentMethods: [], quotaCounters: [] };

  for (const [i, p] of people.profiles.entries()) {
    const persona = personas[i];
    const w = wallets[i];
    const r = rng.fork(`usage:${p.index}`);
    const s: Sim = {
      wallet: w,
      persona,
      r,
      keyId: null,
      quota: new Map(),
      bought: false,
      churnBuyer: r.chance(0.4),
      lastUsedAt: null,
    };
    if (persona.couponAt !== null) w.schedule(persona.couponAt, (t) => w.redeemCoupon(t));
    persona.adjustments.forEach((a, k) =>
      w.schedule(a.at, (t) =>
        w.entry(
          t,
          "admin_adjustment",
          a.millicredits,
          `admin:demo-${p.workspace.id}-${k + 1}`,
          a.reason,
          catalog.adminId,
        ),
      ),
    );
    if (persona.firstBuyAt !== null) {
      w.schedule(persona.firstBuyAt, (t) => {
        w.buyPack(t, catalog.packs[persona.packIndex]);
        s.bought = true;
      });
    }
    const sub = persona.sub ? { plan: persona.sub, ...scheduleSubscription(w, persona.sub) } : null;
    if (persona.sub && persona.sub.endAt !== null)
      w.schedule(persona.sub.endAt, () => (s.bought = s.churnBuyer));

    if (p.activeFrom !== null) {
      s.keyId = `demo_key_${p.workspace.id.slice("demo_ws_".length)}`;
      const rateAt = (t: number) =>
        paidTierAt(persona.sub, t) !== null
          ? persona.rate
          : persona.kind === "subscriber"
            ? persona.rate * 0.2
            : persona.rate;
      for (const t of usageTimes(r, p.activeFrom, Math.min(persona.dormantAt, anchor), anchor, rateAt)) {
        w.flush(t);
        call(s, t, allowed);
      }
    }
    w.flush(anchor - 1);

    const ws = p.workspace;
    ws.balanceMillicredits = w.balance;
    ws.accountType = paidTierAt(persona.sub, anchor - 1) !== null ? "subscription" : "payg";
    ws.overageEnabled = persona.overage;
    ws.updatedAt = new Date(w.lastChangeAt);
    if (s.keyId && p.activeFrom !== null) {
      result.apiKeys.push({
        id: s.keyId,
        workspaceId: ws.id,
        name: p.team ? "Production" : "Default",
        createdById: p.owner.id,
        lastUsedAt: s.lastUsedAt === null ? null : new Date(s.lastUsedAt),
        createdAt: new Date(p.activeFrom),
      });
    }
    if (sub) result.subscriptions.push(subscriptionRow(w, sub.plan, sub.providerSubscriptionId()));
    if (w.firstCheckoutAt !== null) {
      const failing = Boolean(persona.sub && persona.sub.failedAt !== null);
      result.paymentMethods.push({
        workspaceId: ws.id,
        brand: "Visa",
        last4: failing ? "0341" : "4242",
        expMonth: 1 + (p.index % 12),
        expYear: new Date(anchor).getUTCFullYear() + 2 + (p.index % 3),
        updatedAt: new Date(w.firstCheckoutAt),
      });
    }
    for (const [day, used] of [...s.quota.entries()].sort(([a], [b]) => a.localeCompare(b)))
      result.quotaCounters.push({ workspaceId: ws.id, day, used });
  }
  return result;
}
