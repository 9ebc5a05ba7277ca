import { creditsString } from "@/lib/catalog/money";

// The v1 API's state headers (SPEC §3): answers and refusals alike carry the balance and the day's
// quota, so both the routes and the typed errors build them here.

export type QuotaState = { used: number; limit: number; resetsAt: Date };

export function quotaHeaders(quota: QuotaState | null): Record<string, string> {
  if (!quota) return {};
  return {
    "X-Quota-Limit": String(quota.limit),
    "X-Quota-Remaining": String(Math.max(0, quota.limit - quota.used)),
    "X-Quota-Reset": String(Math.ceil(quota.resetsAt.getTime() / 1000)),
  };
}

export const creditsHeader = (balance: bigint): Record<string, string> => ({
  "X-Credits-Remaining": creditsString(balance),
});
