import type Stripe from "stripe";
import { changeBalance } from "@/lib/billing/ledger";
import type { Tx } from "@/lib/db";

/**
 * A paid checkout. Credit packs: the pack's credits (with its bonus) land in the wallet, once, with
 * the checkout session id as the ledger reference. Our checkout row holds what was bought; the
 * event only has to name it (metadata.checkoutId or the session id).
 */
export async function checkoutSessionCompleted(tx: Tx, event: Stripe.Event) {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.payment_status !== "paid") return;
  const checkoutId = session.metadata?.checkoutId ?? session.id;
  const checkout = await tx.checkoutSession.findUnique({ where: { id: checkoutId } });
  if (!checkout || checkout.status === "complete") return;
  await tx.checkoutSession.update({ where: { id: checkout.id }, data: { status: "complete", completedAt: new Date(event.created * 1000) } });
  if (checkout.kind !== "credit_pack" || !checkout.creditPackId) return;
  const pack = await tx.creditPack.findUniqueOrThrow({ where: { id: checkout.creditPackId } });
  const millicredits = pack.millicredits + pack.bonusMillicredits;
  await tx.payment.create({
    data: {
      workspaceId: checkout.workspaceId,
      provider: checkout.provider,
      description: `Credit pack: ${pack.name}`,
      checkoutSessionId: checkout.id,
      providerChargeId: typeof session.payment_intent === "string" ? session.payment_intent : null,
      amountCents: session.amount_total ?? checkout.amountCents,
      currency: session.currency ?? checkout.currency,
      status: "paid",
      millicredits,
    },
  });
  await changeBalance(
    { workspaceId: checkout.workspaceId, amountMillicredits: millicredits, kind: "purchase", reference: `checkout:${checkout.id}`, reason: `Credit pack: ${pack.name}` },
    tx,
  );
}
