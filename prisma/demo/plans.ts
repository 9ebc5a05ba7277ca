import { periodEnd } from "@/lib/billing/subscriptions";
import { DAY, HOUR, MINUTE, type Profile } from "./people";
import type { Rng } from "./random";
import type { DemoCatalog } from "./types";

// What each workspace does with its money over the window, decided up front (only what depends on
// the running balance — top-ups, refunds' claw-back, expiry at renewal — is left to the simulation).

export type SubPlan = {
  id: string;
  /** Index into catalog.paidTiers. */
  tierIndex: number;
  interval: "month" | "year";
  manual: boolean;
  start: number;
  /** Paid with the demo's percent-off checkout coupon. */
  discounted: boolean;
  upgrade: { at: number; toTierIndex: number } | null;
  /** Period boundaries whose renewal was paid. */
  renewals: number[];
  /** The boundary whose renewal payment failed (past due from then). */
  failedAt: number | null;
  /** When the plan ended (canceled), if it did before the anchor. */
  endAt: number | null;
  cancelAtPeriodEnd: boolean;
  scheduledDowngrade: number | null;
};

export type Persona = {
  kind: "inactive" | "free_only" | "buyer" | "subscriber";
  /** Typical calls per active day. */
  rate: number;
  /** Index into catalog.packs: the pack this workspace tops up with. */
  packIndex: number;
  /** First credit-pack purchase (buyers). */
  firstBuyAt: number | null;
  /** Usage stops here (the anchor when the workspace stays active). */
  dormantAt: number;
  favoredApps: string[];
  overage: boolean;
  sub: SubPlan | null;
  couponAt: number | null;
  adjustments: { at: number; millicredits: bigint; reason: string }[];
};

const ADJUSTMENTS = [
  "Goodwill credit: failed renders during an incident",
  "Support: credits for a disputed generation",
  "Partner pilot credits",
  "Conference demo credits",
];
const second = (ms: number) => Math.floor(ms / 1000) * 1000;

export const periodMs = (interval: "month" | "year") => periodEnd(new Date(0), interval).getTime();

/** The tier a workspace is on at `t` (index into paidTiers), or null for the free tier. */
export function paidTierAt(sub: SubPlan | null, t: number): number | null {
  if (!sub || t < sub.start || (sub.endAt !== null && t >= sub.endAt)) return null;
  return sub.upgrade && t >= sub.upgrade.at ? sub.upgrade.toTierIndex : sub.tierIndex;
}

function planSubscription(
  r: Rng,
  p: Profile,
  catalog: DemoCatalog,
  anchor: number,
  id: string,
): SubPlan | null {
  const from = p.activeFrom!;
  const start = second(from + (r.chance(0.4) ? r.range(5, 60) * MINUTE : r.exp(6 * DAY)));
  if (start > anchor - 6 * HOUR) return null;
  const tiers = catalog.paidTiers;
  const weights = p.team ? [0.25, 0.5, 0.25] : [0.6, 0.32, 0.08];
  const tierIndex = tiers.indexOf(r.weighted(tiers, (_, i) => weights[i] ?? 0.05));
  const manual = r.chance(p.team ? 0.08 : 0.02);
  const interval = !manual && r.chance(p.team ? 0.25 : 0.12) ? "year" : "month";
  const plan: SubPlan = {
    id,
    tierIndex,
    interval,
    manual,
    start,
    discounted: !manual && r.chance(0.12),
    upgrade: null,
    renewals: [],
    failedAt: null,
    endAt: null,
    cancelAtPeriodEnd: false,
    scheduledDowngrade: null,
  };
  if (manual) return plan;

  const grace = catalog.settings.paymentGraceDays * DAY;
  const period = periodMs(interval);
  const boundaries: number[] = [];
  for (let b = start + period; b < anchor; b += period) boundaries.push(b);
  const last = boundaries.at(-1);
  const settled = boundaries.filter((b) => b + grace < anchor);
  if (boundaries.length && r.chance(0.16)) {
    const k = r.int(1, boundaries.length);
    plan.endAt = boundaries[k - 1];
    plan.renewals = boundaries.slice(0, k - 1);
    plan.cancelAtPeriodEnd = true;
  } else if (last !== undefined && anchor - last < grace && r.chance(0.3)) {
    plan.failedAt = last;
    plan.renewals = boundaries.slice(0, -1);
  } else if (settled.length && r.chance(0.05)) {
    const k = r.int(1, settled.length);
    plan.failedAt = settled[k - 1];
    plan.endAt = plan.failedAt + grace;
    plan.renewals = boundaries.slice(0, k - 1);
  } else {
    plan.renewals = boundaries;
    plan.cancelAtPeriodEnd = r.chance(interval === "month" ? 0.07 : 0.04);
  }

  const liveUntil = plan.failedAt ?? plan.endAt ?? anchor;
  if (tierIndex < tiers.length - 1 && r.chance(0.15) && liveUntil - 2 * HOUR > start + 2 * DAY) {
    plan.upgrade = { at: second(r.range(start + 2 * DAY, liveUntil - 2 * HOUR)), toTierIndex: tierIndex + 1 };
  } else if (
    plan.endAt === null &&
    plan.failedAt === null &&
    !plan.cancelAtPeriodEnd &&
    tierIndex > 0 &&
    r.chance(0.06)
  ) {
    plan.scheduledDowngrade = tierIndex - 1;
  }
  return plan;
}

export function planWorkspaces(
  rng: Rng,
  profiles: Profile[],
  catalog: DemoCatalog,
  anchor: number,
): Persona[] {
  const apps = [...new Set(catalog.models.map((m) => m.appKey))];
  let subSeq = 0;
  return profiles.map((p) => {
    const r = rng.fork(`plan:${p.index}`);
    const persona: Persona = {
      kind: "inactive",
      rate: 0,
      packIndex: 0,
      firstBuyAt: null,
      dormantAt: anchor,
      favoredApps: [],
      overage: false,
      sub: null,
      couponAt: null,
      adjustments: [],
    };
    if (p.activeFrom === null) return persona;
    const from = p.activeFrom;
    persona.favoredApps = [r.pick(apps), ...(r.chance(0.5) ? [r.pick(apps)] : [])];
    persona.packIndex = catalog.packs.indexOf(
      r.weighted(catalog.packs, (_, i) => [0.68, 0.22, 0.08, 0.02][i] ?? 0.01),
    );
    if (r.chance(p.team ? 0.55 : 0.27)) {
      persona.sub = planSubscription(
        r,
        p,
        catalog,
        anchor,
        `demo_sub_${String(subSeq + 1).padStart(4, "0")}`,
      );
      if (persona.sub) subSeq++;
    }
    if (persona.sub) {
      persona.kind = "subscriber";
      // A few power users run into their daily quota (and, with overage on, into their credits).
      persona.rate =
        r.logNormal([7, 18, 40][persona.sub.tierIndex] ?? 40, 0.5) *
        (p.team ? 1.3 : 1) *
        (r.chance(0.15) ? 3.5 : 1);
      persona.overage = r.chance(p.team ? 0.45 : 0.25);
      if (r.chance(0.08)) persona.dormantAt = Math.floor(from + 5 * DAY + r.exp(25 * DAY));
    } else {
      persona.kind = r.chance(p.team ? 0.8 : 0.5) ? "buyer" : "free_only";
      if (persona.kind === "buyer") {
        const buy = Math.floor(from + (r.chance(0.3) ? r.range(5, 60) * MINUTE : r.exp(2 * DAY)));
        persona.firstBuyAt = buy < anchor - HOUR ? buy : null;
        persona.rate = r.logNormal(6, 0.7) * ([1, 2.5, 5, 10][persona.packIndex] ?? 10);
      } else persona.rate = r.logNormal(2, 0.6);
      if (r.chance(0.25)) persona.dormantAt = Math.floor(from + r.exp(20 * DAY));
    }
    if (r.chance(0.12)) {
      const when = Math.floor(from + r.exp(2 * DAY));
      if (when < anchor) persona.couponAt = when;
    }
    if (r.chance(0.04)) {
      const when = Math.floor(r.range(from, anchor - HOUR));
      if (when > from)
        persona.adjustments.push({
          at: when,
          millicredits: BigInt(r.pick([2_000, 5_000, 10_000])) * 1000n,
          reason: r.pick(ADJUSTMENTS),
        });
    }
    return persona;
  });
}
