import "server-only";
import { db } from "@/lib/db";
import type { ApiCaller } from "./authenticate";
import { SpendCapReachedError, type SpendCap } from "./errors";
import { nextUtcMonth, utcMonth } from "./time";

/**
 * The 402 for a refused cap, with the cap, this month's spend on it and when it resets (SPEC §8.1).
 * Read after the refusal, off the charging statement: refusals are rare and the charge stays one
 * statement.
 */
export async function spendCapRefusal(caller: ApiCaller, cap: SpendCap, now = new Date()) {
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
  const limit =
    cap === "member" ? caller.member?.monthlySpendCapMillicredits : caller.apiKey.monthlySpendCapMillicredits;
  return new SpendCapReachedError(cap, {
    capMillicredits: limit ?? 0n,
    spentMillicredits: spent?.millicredits ?? 0n,
    resetsAt: nextUtcMonth(now),
  });
}
