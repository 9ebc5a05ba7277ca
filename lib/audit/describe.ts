// Audit actions in words, for feeds a person reads ("refunded a payment"), not the raw action key.
// An action missing here reads as its key in words ("webhook endpoint delete").

const PHRASES: Record<string, string> = {
  "admin_api_key.create": "created an admin API key",
  "admin_api_key.revoke": "revoked an admin API key",
  "api_key.create": "created an API key",
  "api_key.revoke": "revoked an API key",
  "branding.update": "updated the branding",
  "branding.asset.upload": "uploaded a brand asset",
  "branding.asset.remove": "removed a brand asset",
  "coupon.create": "created a coupon",
  "coupon.redeem": "redeemed a coupon",
  "credits.adjust": "adjusted a workspace's credits",
  "email.resend": "resent an email",
  "email.test": "sent a test email",
  "experiment.create": "created a price experiment",
  "experiment.end": "ended a price experiment",
  "experiment.start": "started a price experiment",
  "ledger_check.run": "ran the ledger check",
  "member.invite": "invited a team member",
  "member.join": "joined a team",
  "member.leave": "left a team",
  "member.remove": "removed a team member",
  "ownership.transfer": "transferred workspace ownership",
  "payment.refund_requested": "requested a refund",
  "payment.refunded": "refunded a payment",
  "settings.update": "changed the settings",
  "settings.audit_retention": "changed audit log retention",
  "subscription.cancel_at_period_end": "set a plan to cancel at period end",
  "subscription.manual": "put a workspace on a comp plan",
  "subscription.unschedule_change": "undid a scheduled plan change",
  "team.create": "created a team",
  "tier.create": "created a tier",
  "tier.update": "edited a tier",
  "tier.version": "published a new plan version",
  "tier.move_subscribers": "moved subscribers to a new plan version",
  "tier_feature.save": "changed a tier's features",
  "tier_model.save": "changed a tier's models",
  "user.resend_verification": "resent a verification email",
  "webhook_delivery.replay": "replayed a webhook delivery",
  "webhook_endpoint.create": "added a webhook endpoint",
  "webhook_endpoint.delete": "deleted a webhook endpoint",
  "webhook_event.replay": "replayed a payment event",
  "workspace.auto_top_up": "changed auto top-up",
  "workspace.create": "created a workspace",
  "workspace.overage": "changed overage",
  "workspace.rename": "renamed a workspace",
  "workspace.suspend": "suspended a workspace",
  "workspace.unsuspend": "unsuspended a workspace",
};

/** "refunded a payment" for payment.refunded; an unknown action as its key in words. */
export const describeAuditAction = (action: string) =>
  PHRASES[action] ?? action.replace(/[._]+/g, " ").trim();

/** Where an audit target lives in the console, when it has a page. */
export function auditTargetHref(targetType: string, targetId: string | null): string | null {
  if (!targetId) return null;
  if (targetType === "workspace") return `/admin/workspaces/${encodeURIComponent(targetId)}`;
  if (targetType === "user") return `/admin/users/${encodeURIComponent(targetId)}`;
  if (targetType === "experiment") return `/admin/experiments/${encodeURIComponent(targetId)}`;
  return null;
}
