// GET /api/v1/me — the calling workspace: plan, balance and credit buckets, runway, quota, rate limit, entitlements
import { withCors } from "@/lib/http/cors";
import { methodNotAllowed } from "@/lib/http/methods";
import { autoTopUpBody } from "@/lib/billing/auto-top-up";
import { planOf } from "@/lib/billing/plan";
import { workspaceRunway } from "@/lib/billing/runway";
import { creditsSummary, entitlements, planSummary, quotaState } from "@/lib/metering/account";
import { creditsHeader, quotaHeaders } from "@/lib/metering/headers";
import { money, readOnlyRoute } from "@/lib/metering/http";
import { memberSummary } from "@/lib/metering/spend-caps";

export const GET = readOnlyRoute(async (_req, caller, rate) => {
  const [quota, plan, credits, runway, autoTopUp, member] = await Promise.all([
    quotaState(caller),
    planOf(caller.workspace.id),
    creditsSummary(caller),
    workspaceRunway(caller.workspace.id, caller.workspace.balanceMillicredits),
    autoTopUpBody(caller.workspace.id),
    memberSummary(caller),
  ]);
  const { workspace, tier, subscription } = caller;
  return {
    body: {
      workspace: { id: workspace.id, name: workspace.name },
      tier: { code: tier.code, name: tier.name },
      accountType: workspace.accountType,
      subscription: subscription && {
        interval: subscription.interval,
        status: subscription.status,
        currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
      },
      plan: planSummary(caller, plan),
      balance: money(workspace.balanceMillicredits),
      credits,
      runway,
      quota: quota && { ...quota, resetsAt: quota.resetsAt.toISOString() },
      rateLimit: { perMinute: rate.limit, remaining: rate.remaining },
      overageEnabled: workspace.overageEnabled,
      entitlements: entitlements(caller),
      autoTopUp,
      member,
    },
    headers: { ...creditsHeader(workspace.balanceMillicredits), ...quotaHeaders(quota) },
  };
});

// OPTIONS answers CORS preflights from ALLOWED_ORIGINS.
export const OPTIONS = withCors(methodNotAllowed("GET"));
const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };
