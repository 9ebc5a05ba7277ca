"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
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

export const refundPaymentAction = adminAction(refundSchema, async ({ id, currency }, { admin }) => {
  const quote = await refundPayment({ id: admin.id, email: admin.email }, id);
  revalidatePath("/admin/payments");
  return { ok: true, message: `Refunded ${formatAmount(quote.amountCents, currency)}.` };
});
