// POST /api/webhooks/stripe — verify the signature on the raw body, apply the event once
import { handleStripeWebhook, InvalidSignatureError } from "@/lib/payments/webhook";
import { MalformedEventError, RetryLaterError } from "@/lib/payments/webhooks/shared";
import { log } from "@/lib/observability/logger";

export async function POST(req: Request) {
  const raw = await req.text();
  try {
    const result = await handleStripeWebhook(raw, req.headers.get("stripe-signature"));
    return Response.json({ received: true, result });
  } catch (e) {
    // No retry can fix these: a bad signature, or a signed event that is malformed (kept as rejected).
    if (e instanceof InvalidSignatureError || e instanceof MalformedEventError)
      return Response.json({ error: { code: e.code, message: e.message } }, { status: 400 });
    if (e instanceof RetryLaterError) log.warn(`webhook deferred: ${e.message}`);
    else log.error({ err: e }, "webhook failed");
    // Non-2xx only where a retry can help: Stripe redelivers, and the event is applied once.
    return Response.json(
      {
        error: { code: "processing_failed", message: "The event could not be applied; it will be retried." },
      },
      { status: 500 },
    );
  }
}
