import type { LedgerKind } from "@/lib/db";
import { MINUTE, pad, type Profile } from "./people";
import type { Persona } from "./plans";
import type { Rng } from "./random";
import type {
  CheckoutRow,
  CouponRedemptionRow,
  DemoCatalog,
  DemoPack,
  LedgerRow,
  PaymentRow,
  UsageRow,
} from "./types";

// The running state of one workspace while its history is generated: the balance and its ledger
// (in append order, never below zero), and the actions waiting for their time.

export const CREDIT_COUPON = { id: "demo_cp_welcome", code: "DEMO-WELCOME", millicredits: 2_000_000n };
export const PERCENT_COUPON = { id: "demo_cp_launch20", code: "DEMO-LAUNCH20", percentOff: 20 };

export type PendingLedger = Omit<LedgerRow, "id"> & { at: number; ws: number; n: number };

/** What every workspace writes to: the rows and the global id counters. */
export class Output {
  checkoutSessions: CheckoutRow[] = [];
  payments: PaymentRow[] = [];
  couponRedemptions: CouponRedemptionRow[] = [];
  ledger: PendingLedger[] = [];
  usageEvents: UsageRow[] = [];
  private counters = new Map<string, number>();

  constructor(
    readonly catalog: DemoCatalog,
    readonly anchor: number,
  ) {}

  nextId(prefix: string, width = 6): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${pad(n, width)}`;
  }
}

type Action = { at: number; run: (at: number) => void };

export class Wallet {
  balance = 0n;
  /** Included credits granted since the last expiry entry (what a renewal may expire). */
  grantedSinceExpiry = 0n;
  lastChangeAt: number;
  firstCheckoutAt: number | null = null;
  private n = 0;
  private actions: Action[] = [];

  constructor(
    readonly out: Output,
    readonly profile: Profile,
    readonly persona: Persona,
    readonly r: Rng,
  ) {
    this.lastChangeAt = profile.workspace.createdAt.getTime();
  }

  get wsId() {
    return this.profile.workspace.id;
  }

  entry(
    at: number,
    kind: LedgerKind,
    amount: bigint,
    reference: string,
    reason: string | null,
    actorId: string | null = null,
  ) {
    this.balance += amount;
    if (this.balance < 0n)
      throw new Error(`demo ledger of ${this.wsId} went below zero at ${new Date(at).toISOString()}`);
    if (kind === "monthly_grant") this.grantedSinceExpiry += amount;
    this.out.ledger.push({
      at,
      ws: this.profile.index,
      n: this.n++,
      workspaceId: this.wsId,
      kind,
      amountMillicredits: amount,
      balanceAfterMillicredits: this.balance,
      reference,
      reason,
      actorId,
      createdAt: new Date(at),
    });
    this.lastChangeAt = Math.max(this.lastChangeAt, at);
  }

  /** Runs `run` at `at` (after what is already waiting for that moment); nothing at or after the anchor happens. */
  schedule(at: number, run: (at: number) => void) {
    if (at >= this.out.anchor) return;
    const action = { at, run };
    const i = this.actions.findIndex((a) => a.at > at);
    if (i < 0) this.actions.push(action);
    else this.actions.splice(i, 0, action);
  }

  /** Runs every waiting action due at or before `until`, in time order. */
  flush(until: number) {
    while (this.actions.length && this.actions[0].at <= until) {
      const action = this.actions.shift()!;
      action.run(action.at);
    }
  }

  checkout(
    at: number,
    fields: Pick<
      CheckoutRow,
      | "kind"
      | "creditPackId"
      | "tierId"
      | "interval"
      | "amountCents"
      | "currency"
      | "couponId"
      | "discountCents"
    >,
  ): CheckoutRow {
    const row: CheckoutRow = {
      id: this.out.nextId("cs_local_demo_"),
      workspaceId: this.wsId,
      userId: this.profile.owner.id,
      ...fields,
      createdAt: new Date(at - Math.floor(this.r.range(1, 6) * MINUTE)),
      completedAt: new Date(at),
    };
    this.out.checkoutSessions.push(row);
    this.firstCheckoutAt ??= at;
    return row;
  }

  payment(
    at: number,
    fields: Omit<
      PaymentRow,
      "id" | "workspaceId" | "refundedCents" | "status" | "createdAt" | "providerChargeId"
    > & { providerChargeId?: string },
  ): PaymentRow {
    const id = this.out.nextId("demo_pay_");
    const row: PaymentRow = {
      id,
      workspaceId: this.wsId,
      refundedCents: 0,
      status: "paid",
      createdAt: new Date(at),
      providerChargeId: `pi_local_${id}`,
      ...fields,
    };
    this.out.payments.push(row);
    return row;
  }

  /** A credit pack bought through the local checkout: payment, purchase entry, and now and then a refund later. */
  buyPack(at: number, pack: DemoPack) {
    const checkout = this.checkout(at, {
      kind: "credit_pack",
      creditPackId: pack.id,
      tierId: null,
      interval: null,
      amountCents: pack.priceCents,
      currency: pack.currency,
      couponId: null,
      discountCents: 0,
    });
    const millicredits = pack.millicredits + pack.bonusMillicredits;
    const payment = this.payment(at, {
      kind: "credit_pack",
      description: `Credit pack: ${pack.name}`,
      checkoutSessionId: checkout.id,
      providerInvoiceId: null,
      amountCents: pack.priceCents,
      currency: pack.currency,
      millicredits,
      discountCents: 0,
      periodStart: null,
      periodEnd: null,
    });
    this.entry(at, "purchase", millicredits, `checkout:${checkout.id}`, `Credit pack: ${pack.name}`);
    if (this.r.chance(0.03))
      this.schedule(at + Math.floor(this.r.range(1, 20) * 3_600_000), (t) =>
        this.refund(t, payment, payment.amountCents),
      );
    else if (this.r.chance(0.02))
      this.schedule(at + Math.floor(this.r.range(2, 10) * 86_400_000), (t) =>
        this.refund(t, payment, Math.floor(payment.amountCents / 2)),
      );
  }

  /** As charge.refunded does: the refunded share of the credits is clawed back as far as it is unspent. */
  refund(at: number, payment: PaymentRow, totalRefundedCents: number) {
    const newly = totalRefundedCents - payment.refundedCents;
    if (newly <= 0) return;
    payment.refundedCents = totalRefundedCents;
    payment.status = totalRefundedCents >= payment.amountCents ? "refunded" : "partially_refunded";
    const share = (payment.millicredits * BigInt(newly)) / BigInt(payment.amountCents);
    const clawback = share < this.balance ? share : this.balance;
    this.entry(
      at,
      "refund",
      -clawback,
      `refund:${payment.id}:${totalRefundedCents}`,
      `Refund of ${payment.description}`,
    );
  }

  redeemCoupon(at: number) {
    this.out.couponRedemptions.push({
      id: this.out.nextId("demo_cr_", 4),
      couponId: CREDIT_COUPON.id,
      workspaceId: this.wsId,
      userId: this.profile.owner.id,
      createdAt: new Date(at),
    });
    this.entry(
      at,
      "coupon",
      CREDIT_COUPON.millicredits,
      `coupon:${CREDIT_COUPON.id}`,
      `Coupon ${CREDIT_COUPON.code}`,
      this.profile.owner.id,
    );
  }
}
