"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { formatExactCents } from "@/lib/catalog/money";
import { issueRefund, refundFormSchema } from "@/lib/payments/refund-request";
import { refundPayment } from "@/lib/payments/refunds";
import { formatAmount } from "./format";

const refundSchema = z.object({
  id: z.string().min(1),
  // Only words the success message: the amount refunded comes from the server's own quote.
  currency: z
    .string()
    .regex(/^[a-z]{3}$/i)
    .default("usd"),
});

export const refundPaymentAction = adminAction(
  refundSchema,
  async ({ id, currency }, { admin }) => {
    const quote = await refundPayment({ id: admin.id, email: admin.email }, id);
    revalidatePath("/admin/payments");
    return { ok: true, message: `Refunded ${formatAmount(quote.amountCents, currency)}.` };
  },
  { permission: "refunds" },
);

// POST from the payment page: any amount up to what is left, a reason and what happens to the plan.
export const issueRefundAction = adminAction(
  refundFormSchema,
  async (input, { admin }) => {
    const { refund, applied } = await issueRefund({ id: admin.id, email: admin.email }, input);
    revalidatePath(`/admin/payments/${input.paymentId}`);
    revalidatePath("/admin/payments");
    const amount = formatExactCents(refund.amountCents);
    return {
      ok: true,
      message: applied
        ? `Refunded ${amount}. The customer was emailed.`
        : `That refund of ${amount} was already made.`,
    };
  },
  { permission: "refunds" },
);
