import "server-only";
import { db, type Tx } from "@/lib/db";
import { readExperimentCookie, type ExperimentCookie } from "./cookie";
import { runningExperiment } from "./running";

// The results' counters. A visitor is counted once, when their cookie comes back (the proxy); the
// user who signs up with that cookie is recorded on the same row, so their variant follows them to
// other devices; their first paid plan while the experiment runs is the conversion and its revenue.
// Staff are never recorded: they see the control.

async function runningCookie(value: string | null | undefined): Promise<ExperimentCookie | null> {
  const cookie = readExperimentCookie(value);
  const experiment = cookie ? await runningExperiment() : null;
  if (!cookie || !experiment || experiment.id !== cookie.experimentId) return null;
  return experiment.variants.some((v) => v.id === cookie.variantId) ? cookie : null;
}

/** A visitor whose browser kept the cookie: one row per visitor, however often this is called. */
export async function recordVisitor(cookie: ExperimentCookie) {
  await db.$executeRaw`
    insert into "ExperimentAssignment" ("id", "experimentId", "variantId", "visitorId")
    values (gen_random_uuid()::text, ${cookie.experimentId}, ${cookie.variantId}, ${cookie.visitorId})
    on conflict ("experimentId", "visitorId") do nothing`;
}

/**
 * Ties the cookie's visitor to a user who signs up (`signedUp`) or starts a checkout: from then on
 * the user's recorded variant decides their prices. A user already recorded keeps their variant.
 */
export async function recordUser(userId: string, cookieValue: string | null | undefined, signedUp = false) {
  const cookie = await runningCookie(cookieValue);
  if (!cookie) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user || user.role === "admin") return;
  const signedUpAt = signedUp ? new Date() : null;
  await db.$executeRaw`
    insert into "ExperimentAssignment" ("id", "experimentId", "variantId", "visitorId", "userId", "signedUpAt")
    select gen_random_uuid()::text, ${cookie.experimentId}, ${cookie.variantId}, ${cookie.visitorId},
           ${userId}, ${signedUpAt}
    where not exists (
      select 1 from "ExperimentAssignment" where "experimentId" = ${cookie.experimentId} and "userId" = ${userId})
    on conflict ("experimentId", "visitorId") do update
      set "userId" = excluded."userId", "signedUpAt" = coalesce("ExperimentAssignment"."signedUpAt", excluded."signedUpAt")
      where "ExperimentAssignment"."userId" is null`;
}

/** A first paid plan bought while an experiment runs: the buyer's conversion, once. */
export async function recordPaidConversion(tx: Tx, userId: string, amountCents: number, at: Date) {
  await tx.$executeRaw`
    update "ExperimentAssignment" a set "paidAt" = ${at}, "revenueCents" = ${amountCents}
    from "PriceExperiment" e
    where a."experimentId" = e."id" and e."status" = 'running' and a."userId" = ${userId}
      and a."paidAt" is null`;
}
