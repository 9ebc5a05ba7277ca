import "server-only";
import { liveSubscription } from "@/lib/billing/subscriptions";
import { isExpectedError } from "@/lib/errors";
import { can } from "@/lib/workspaces/permissions";
import { startSubscriptionCheckout } from "./checkout";
import { choiceQuery, type Choice } from "./plan-choice";

type Member = {
  user: { id: string; email: string; emailVerifiedAt: Date | null };
  workspace: { id: string };
  role: string;
};

/**
 * Where a signed-in member goes with what they picked on the pricing page, without choosing again:
 * - a first paid plan: straight into its checkout (the billing page, with the plan preselected, when
 *   they cannot pay yet: unverified email, or a role that does not manage billing);
 * - a workspace already on a paid plan: the billing page with that plan's change quote open (the
 *   prorated charge, confirmed there);
 * - a credit pack: the Credits page with the pack preselected;
 * - nothing: the dashboard.
 */
export async function startDestination(
  member: Member,
  choice: Choice | null,
  experimentCookie?: string | null,
): Promise<string> {
  if (!choice) return "/dashboard";
  if (choice.kind === "pack") return `/dashboard/credits?${choiceQuery(choice)}#buy-credits`;
  const billing = `/dashboard/billing?${choiceQuery(choice)}`;
  const sub = await liveSubscription(member.workspace.id);
  if (sub && sub.tier.monthlyPriceCents > 0) return `${billing}#change-plan`;
  if (!member.user.emailVerifiedAt || !can(member.role, "billing.manage")) return `${billing}#choose-plan`;
  try {
    const { url } = await startSubscriptionCheckout(
      { user: member.user, workspaceId: member.workspace.id, experimentCookie },
      choice.plan,
      choice.interval,
    );
    return url;
  } catch (e) {
    // A plan that is gone or not for sale: the billing page lists what is.
    if (isExpectedError(e)) return `${billing}#choose-plan`;
    throw e;
  }
}
