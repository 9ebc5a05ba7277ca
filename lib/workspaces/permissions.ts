import type { MemberRole } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";

// Who may do what in a workspace. The one table every check reads and the team page renders;
// change a row here and the dashboard, the server actions and the tests all follow.

export const MEMBER_ROLES = ["owner", "admin", "member", "billing"] as const satisfies readonly MemberRole[];

export type Permission =
  | "usage.view"
  | "api_keys.own"
  | "api_keys.manage"
  | "billing.manage"
  | "members.invite"
  | "members.manage"
  | "ownership.transfer"
  | "workspace.settings"
  | "provider_keys.manage"
  | "webhooks.manage";

export const PERMISSIONS: Record<Permission, MemberRole[]> = {
  "usage.view": ["owner", "admin", "member", "billing"],
  "api_keys.own": ["owner", "admin", "member"],
  "api_keys.manage": ["owner", "admin"],
  "billing.manage": ["owner", "admin", "billing"],
  "members.invite": ["owner", "admin"],
  "members.manage": ["owner", "admin"],
  "ownership.transfer": ["owner"],
  "workspace.settings": ["owner", "admin"],
  "provider_keys.manage": ["owner", "admin"],
  "webhooks.manage": ["owner", "admin"],
};

/** What each permission covers, in words for the team page, and the verb phrase for refusals. */
export const PERMISSION_INFO: Record<Permission, { label: string; covers: string; refusal: string }> = {
  "usage.view": {
    label: "View usage",
    covers: "Team usage, the credit ledger and per-member usage",
    refusal: "view usage",
  },
  "api_keys.own": {
    label: "Own API keys",
    covers: "Create API keys and revoke the keys they created",
    refusal: "create API keys",
  },
  "api_keys.manage": {
    label: "Manage all API keys",
    covers: "See and revoke every key, set key spend caps",
    refusal: "manage API keys",
  },
  "billing.manage": {
    label: "Manage billing",
    covers: "Plans, credit packs, coupons, payment method, overage",
    refusal: "manage billing",
  },
  "members.invite": {
    label: "Invite members",
    covers: "Invite people, resend and revoke invitations",
    refusal: "invite members",
  },
  "members.manage": {
    label: "Manage members",
    covers: "Change roles, remove members, set member spend caps",
    refusal: "manage members",
  },
  "ownership.transfer": {
    label: "Transfer ownership",
    covers: "Hand the workspace to another member",
    refusal: "transfer ownership",
  },
  "workspace.settings": {
    label: "Workspace settings",
    covers: "Rename the workspace, alert settings",
    refusal: "change workspace settings",
  },
  "provider_keys.manage": {
    label: "Provider keys",
    covers: "Add, replace and remove BYOK provider keys",
    refusal: "manage provider keys",
  },
  "webhooks.manage": {
    label: "Webhooks",
    covers: "Add, edit and delete webhook endpoints, replay deliveries",
    refusal: "manage webhooks",
  },
};

export const ROLE_LABEL: Record<MemberRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  billing: "Billing",
};
/** The role in a sentence: "invited as a billing member", "is now an admin". */
export const ROLE_PHRASE: Record<MemberRole, string> = {
  owner: "an owner",
  admin: "an admin",
  member: "a member",
  billing: "a billing member",
};

const ROLE_PLURAL: Record<MemberRole, string> = {
  owner: "owners",
  admin: "admins",
  member: "members",
  billing: "billing members",
};

export const isMemberRole = (value: string): value is MemberRole =>
  (MEMBER_ROLES as readonly string[]).includes(value);

export function can(role: MemberRole | string, permission: Permission): boolean {
  return isMemberRole(role) && PERMISSIONS[permission].includes(role);
}

/** "workspace owners and admins", "owners, admins and billing members": who holds a permission, in words. */
export function holders(permission: Permission): string {
  const names = PERMISSIONS[permission].map((r) => ROLE_PLURAL[r]);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return names.length === 2 ? `workspace ${list}` : list;
}

/**
 * Throws ForbiddenError unless the role holds the permission. The default message names who may,
 * e.g. "Only workspace owners and admins manage provider keys."; `what` overrides the verb phrase.
 */
export function assertCan(
  role: MemberRole | string,
  permission: Permission,
  what?: string,
): asserts role is MemberRole {
  if (!can(role, permission)) {
    throw new ForbiddenError(`Only ${holders(permission)} ${what ?? PERMISSION_INFO[permission].refusal}.`);
  }
}
