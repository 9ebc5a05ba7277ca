// Sign-ups in the range, how many of them verified their email, and how many of those became paying.
import "server-only";
import { db } from "@/lib/db";
import type { Range } from "./range";
import { at, MONEY_TAKEN } from "./sql";

export type Funnel = { signups: number; verified: number; paid: number };

/**
 * "Paid" (at any time, not only in the range): a member of a workspace that has a payment which
 * took money, or a subscription through a payment provider (comp plans don't count).
 */
export async function signupFunnel(range: Range): Promise<Funnel> {
  const [row] = await db.$queryRaw<Funnel[]>`
    with signups as (
      select u.id, u."emailVerifiedAt" is not null as verified
      from "User" u
      where u."createdAt" >= ${at(range.from)} and u."createdAt" < ${at(range.to)}
    )
    select count(*)::int as signups,
      (count(*) filter (where signups.verified))::int as verified,
      (count(*) filter (where signups.verified and exists (
        select 1 from "Membership" m
        where m."userId" = signups.id and (
          exists (select 1 from "Payment" p where p."workspaceId" = m."workspaceId" and p.status in ${MONEY_TAKEN})
          or exists (select 1 from "Subscription" s where s."workspaceId" = m."workspaceId" and s.provider <> 'manual' and s.status <> 'incomplete')
        )
      )))::int as paid
    from signups`;
  return row;
}

/** Step-to-step and overall conversion as fractions (null when the step before is empty). */
export function funnelRates(f: Funnel) {
  const rate = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    verified: rate(f.verified, f.signups),
    paid: rate(f.paid, f.verified),
    overall: rate(f.paid, f.signups),
  };
}
