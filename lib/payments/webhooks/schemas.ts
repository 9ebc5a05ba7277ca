import { z } from "zod";

// What a signed event must look like before a handler sees it: the envelope, and for each handled
// type the fields its handler reads (other fields pass through untouched). A signed event that
// fails these is malformed — no retry can fix it — so it is answered 400 and kept as rejected.

/** Ids and names Stripe sends: printable ASCII, short enough for an index. */
const token = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");
/** Epoch seconds that make a date (up to the year 2286). */
const epoch = z.number().int().min(0).max(9_999_999_999);
const cents = z.number().int().min(0).max(2_147_483_647); // Payment amounts are 32-bit columns
const currency = z.string().regex(/^[a-z]{3}$/, "must be a three-letter currency code");
/** A reference Stripe sends either as an id or as the expanded object. */
const ref = z.union([token, z.looseObject({ id: token })]).nullish();
const metadata = z.record(z.string().max(500), z.string().max(500));

export const eventEnvelope = z.looseObject({
  id: token,
  type: token,
  created: epoch,
  data: z.looseObject({ object: z.looseObject({}) }),
});

const checkoutSession = z.looseObject({
  id: token,
  payment_status: z.string(),
  metadata: z.looseObject({ checkoutId: token.optional() }).and(metadata),
  customer: ref,
  subscription: ref,
  invoice: ref,
  payment_intent: ref,
  amount_total: cents.nullish(),
  currency: currency.nullish(),
});

const subscription = z.looseObject({
  id: token,
  status: z.string().max(64),
  cancel_at_period_end: z.boolean().optional(),
  current_period_end: epoch.nullish(),
  ended_at: epoch.nullish(),
  items: z.looseObject({ data: z.array(z.looseObject({ current_period_end: epoch.nullish() })) }).nullish(),
});

const invoice = z
  .looseObject({
    id: token,
    billing_reason: z.string().max(64).nullish(),
    amount_paid: cents,
    amount_due: cents,
    currency,
    period_start: epoch.optional(),
    period_end: epoch.optional(),
    subscription: ref,
    payment_intent: ref,
    charge: ref,
    metadata: metadata.nullish(),
    parent: z
      .looseObject({
        subscription_details: z.looseObject({ subscription: ref, metadata: metadata.nullish() }).nullish(),
      })
      .nullish(),
    lines: z
      .looseObject({ data: z.array(z.looseObject({ period: z.looseObject({ start: epoch, end: epoch }) })) })
      .nullish(),
  })
  .refine(
    (i) => (i.lines?.data.length ?? 0) > 0 || (i.period_start !== undefined && i.period_end !== undefined),
    "names no service period (no lines and no period_start/period_end)",
  )
  .refine((i) => {
    const grant =
      i.parent?.subscription_details?.metadata?.grantMillicredits ?? i.metadata?.grantMillicredits;
    return grant === undefined || /^\d{1,18}$/.test(grant);
  }, "metadata.grantMillicredits must be a whole number");

const charge = z.looseObject({
  id: token,
  payment_intent: ref,
  amount_refunded: cents,
  metadata: metadata.nullish(),
});

/** One schema per handled event type, for `data.object`. */
const paymentIntent = z.looseObject({
  id: token,
  amount: cents,
  amount_received: cents.nullish(),
  currency,
  metadata: z.looseObject({ checkoutId: token.optional() }).and(metadata),
  latest_charge: z
    .union([
      token,
      z.looseObject({
        payment_method_details: z
          .looseObject({
            card: z.looseObject({ brand: z.string().max(64), last4: z.string().regex(/^\d{4}$/) }).nullish(),
          })
          .nullish(),
      }),
    ])
    .nullish(),
});

export const objectSchemas = {
  "payment_intent.succeeded": paymentIntent,
  "checkout.session.completed": checkoutSession,
  "customer.subscription.created": subscription,
  "customer.subscription.updated": subscription,
  "customer.subscription.deleted": subscription,
  "invoice.paid": invoice,
  "invoice.payment_failed": invoice,
  "charge.refunded": charge,
} as const;

export type HandledEventType = keyof typeof objectSchemas;

/** The first problem, as "data.object.metadata: expected object" — short enough for the event log. */
export function describeIssue(error: z.ZodError, prefix = "") {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
  return `${path || "event"}: ${issue.message}`;
}

const BAD_TEXT = /[\0\p{Cs}]/u; // NUL and lone surrogates: PostgreSQL stores neither
export const MAX_EVENT_DEPTH = 32; // Stripe's deepest objects, expanded, stay well under this

/** Why this JSON cannot be an event Tollgate stores and applies (too deep, unstorable text), or null. */
export function jsonProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === "string") {
      if (BAD_TEXT.test(v)) return "a string contains NUL or invalid Unicode";
    } else if (v !== null && typeof v === "object") {
      if (depth >= MAX_EVENT_DEPTH) return `nested deeper than ${MAX_EVENT_DEPTH} levels`;
      for (const [k, child] of Object.entries(v)) {
        if (BAD_TEXT.test(k)) return "a key contains NUL or invalid Unicode";
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** A copy of a rejected body that PostgreSQL's jsonb accepts, for the event log. */
export function storableJson(value: unknown): unknown {
  const clean = (s: string) => s.replace(new RegExp(BAD_TEXT.source, "gu"), "\uFFFD");
  if (jsonProblem(value)?.startsWith("nested"))
    return { note: `Not kept: nested deeper than ${MAX_EVENT_DEPTH} levels.` };
  const copy = (v: unknown): unknown => {
    if (typeof v === "string") return clean(v);
    if (Array.isArray(v)) return v.map(copy);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, c]) => [clean(k), copy(c)]));
    return v;
  };
  return copy(value);
}
