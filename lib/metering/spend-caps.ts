import "server-only";
import { db } from "@/lib/db";
import type { ApiCaller } from "./authenticate";
import { SpendCapReachedError, type SpendCap } from "./errors";
import { nextUtcMonth, utcMonth } from "./time";

/** What the caller's key or member spent on the cap this UTC month. */
async function spentThisMonth(caller: ApiCaller, cap: SpendCap, now: Date) {
  const month = utcMonth(now);
  const spent =
    cap === "member"
      ? await db.memberSpend.findUnique({
          where: {
            workspaceId_userId_month: {
              workspaceId: caller.workspace.id,
              userId: caller.member!.userId,
              month,
            },
          },
        })
      : await db.apiKeySpend.findUnique({ where: { apiKeyId_month: { apiKeyId: caller.apiKey.id, month } } });
  return spent?.millicredits ?? 0n;
}

/**
 * The 402 for a refused cap, with the cap, this month's spend on it and when it resets (SPEC §8.1).
 * Read after the refusal, off the charging statement: refusals are rare and the charge stays one
 * statement.
 */
export async function spendCapRefusal(caller: ApiCaller, cap: SpendCap, now = new Date()) {
  const limit =
    cap === "member" ? caller.member?.monthlySpendCapMillicredits : caller.apiKey.monthlySpendCapMillicredits;
  return new SpendCapReachedError(cap, {
    capMillicredits: limit ?? 0n,
    spentMillicredits: await spentThisMonth(caller, cap, now),
    resetsAt: nextUtcMonth(now),
  });
}

/**
 * The /me `member` block: whose calls these are (the key's creator in a team, or the member a
 * customer session token names) and their own monthly spend cap in the team, if one is set.
 */
export async function memberSummary(caller: ApiCaller, now = new Date()) {
  if (!caller.member) return null;
  const cap = caller.member.monthlySpendCapMillicredits;
  if (cap === null) return { id: caller.member.userId, spendCap: null };
  const spent = await spentThisMonth(caller, "member", now);
  return {
    id: caller.member.userId,
    spendCap: {
      capMillicredits: Number(cap),
      spentMillicredits: Number(spent),
      remainingMillicredits: Number(cap > spent ? cap - spent : 0n),
      resetsAt: nextUtcMonth(now).toISOString(),
    },
  };
}
