import { generatePeople, pad, WINDOW_DAYS, DAY } from "./people";
import { planWorkspaces } from "./plans";
import { Rng } from "./random";
import { simulate } from "./simulate";
import type { DemoCatalog, DemoDataset, DemoOptions, LedgerRow } from "./types";
import { CREDIT_COUPON, Output, PERCENT_COUPON } from "./wallet";

export const DEFAULT_DEMO_SEED = 20_240_601;
export const DEFAULT_DEMO_WORKSPACES = 400;

/** Today's UTC midnight: the default end of the demo history. */
export function defaultAnchor(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The whole demo history in memory. Pure: the same options and catalog give deep-equal rows
 * (ids, times and amounts); only the API keys' secrets are made later, at insert time.
 */
export function buildDemoDataset(options: DemoOptions, catalog: DemoCatalog): DemoDataset {
  const anchorDate = options.anchor ?? defaultAnchor();
  const anchor = anchorDate.getTime();
  const total = options.workspaces ?? DEFAULT_DEMO_WORKSPACES;
  if (!Number.isInteger(total) || total < 1 || total > 9_999)
    throw new RangeError("workspaces must be a whole number from 1 to 9999");
  const rng = new Rng(options.seed ?? DEFAULT_DEMO_SEED);

  const people = generatePeople(rng.fork("people"), total, anchor);
  const personas = planWorkspaces(rng.fork("plans"), people.profiles, catalog, anchor);
  const out = new Output(catalog, anchor);
  const sim = simulate(rng.fork("simulate"), people, personas, out);

  // One global order — time, then workspace, then append order — so seq follows time everywhere.
  const ledgerEntries = out.ledger
    .sort((a, b) => a.at - b.at || a.ws - b.ws || a.n - b.n)
    .map((e, i): LedgerRow => ({
      id: `demo_le_${pad(i + 1, 7)}`,
      workspaceId: e.workspaceId,
      kind: e.kind,
      amountMillicredits: e.amountMillicredits,
      balanceAfterMillicredits: e.balanceAfterMillicredits,
      reference: e.reference,
      reason: e.reason,
      actorId: e.actorId,
      createdAt: e.createdAt,
    }));

  const redemptions = (id: string) => out.couponRedemptions.filter((c) => c.couponId === id).length;
  const launched = new Date(anchor - WINDOW_DAYS * DAY);
  return {
    anchor: anchorDate,
    users: people.users,
    workspaces: people.profiles.map((p) => p.workspace),
    memberships: people.memberships,
    apiKeys: sim.apiKeys,
    coupons: [
      {
        id: CREDIT_COUPON.id,
        code: CREDIT_COUPON.code,
        kind: "credits",
        millicredits: CREDIT_COUPON.millicredits,
        percentOff: 0,
        redemptionCount: redemptions(CREDIT_COUPON.id),
        createdAt: launched,
      },
      {
        id: PERCENT_COUPON.id,
        code: PERCENT_COUPON.code,
        kind: "percent_off",
        millicredits: 0n,
        percentOff: PERCENT_COUPON.percentOff,
        redemptionCount: redemptions(PERCENT_COUPON.id),
        createdAt: launched,
      },
    ],
    couponRedemptions: out.couponRedemptions,
    checkoutSessions: out.checkoutSessions,
    subscriptions: sim.subscriptions,
    payments: out.payments,
    paymentMethods: sim.paymentMethods,
    ledgerEntries,
    usageEvents: out.usageEvents,
    quotaCounters: sim.quotaCounters,
  };
}
