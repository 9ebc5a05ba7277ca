import type { RefundPlanAction } from "@/lib/db/generated/enums";

// The choices of the refund form, shared by the form (client) and lib/payments/refund-request.ts.

export const REFUND_REASONS = {
  requested_by_customer: "Requested by the customer",
  duplicate: "Charged twice",
  service_problem: "Service problem",
  goodwill: "Goodwill gesture",
  fraudulent: "Fraudulent charge",
  other: "Other (explain below)",
} as const;
export type RefundReason = keyof typeof REFUND_REASONS;

export const PLAN_ACTIONS: Record<RefundPlanAction, string> = {
  keep: "Keep the plan",
  cancel_at_period_end: "Cancel at the end of the period",
  cancel_now: "Cancel now",
};
