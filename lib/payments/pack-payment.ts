import type { CheckoutSession, CreditPack } from "@/lib/db";

/** What every credit pack's Payment row says, paid or declined: whose, through which provider, what. */
export function packPaymentFields(
  checkout: Pick<CheckoutSession, "id" | "workspaceId" | "provider">,
  pack: Pick<CreditPack, "name">,
) {
  return {
    workspaceId: checkout.workspaceId,
    provider: checkout.provider,
    kind: "credit_pack" as const,
    description: `Credit pack: ${pack.name}`,
    checkoutSessionId: checkout.id,
  };
}
