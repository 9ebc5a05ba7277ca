import { z } from "zod";

// Why a subscriber cancels: optional, asked in the cancel dialog, kept with the audit entry of the
// cancellation (action "subscription.cancel_at_period_end", `after`).

export const CANCEL_REASONS = {
  too_expensive: "It costs too much",
  not_using: "I don't use it enough",
  missing_feature: "A model or feature I need is missing",
  switching: "I'm moving to another service",
  temporary: "I only needed it for a while",
  other: "Something else",
} as const;

export type CancelReason = keyof typeof CANCEL_REASONS;

export const cancellationSchema = z.object({
  reason: z
    .enum(Object.keys(CANCEL_REASONS) as [CancelReason, ...CancelReason[]])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  comment: z
    .string()
    .trim()
    .max(1000, "Keep it under 1,000 characters.")
    .optional()
    .transform((v) => v || undefined),
});

export type Cancellation = z.infer<typeof cancellationSchema>;
