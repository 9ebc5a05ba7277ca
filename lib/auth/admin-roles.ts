import type { AdminRole } from "@/lib/db/generated/enums";

// What each admin role may do. Reading the console is open to every admin ("read"); every change
// names the permission it needs, and the server checks it where the data is read or written
// (requireAdmin / adminAction / the admin API's scopes) — the nav only hides what would be refused.

export const PERMISSIONS = [
  "read", // see every console page
  "payments", // payment actions other than refunds (event replay)
  "refunds",
  "reports", // schedule and send reports
  "users", // user accounts: verification, roles are "roles"
  "workspaces", // suspend, comp plans, revoke keys
  "credits", // grant or deduct credits (support: up to SUPPORT_CREDIT_GRANT_LIMIT)
  "catalog", // tiers, features, models, packs, markups, coupons
  "settings", // branding, security, emails, audit retention, admin API keys
  "roles", // change other admins' roles
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ALL = new Set<Permission>(PERMISSIONS);

const GRANTS: Record<AdminRole, ReadonlySet<Permission>> = {
  owner: ALL,
  finance: new Set(["read", "payments", "refunds", "reports"]),
  support: new Set(["read", "users", "workspaces", "credits"]),
  read_only: new Set(["read"]),
};

export const ADMIN_ROLES: { value: AdminRole; label: string; description: string }[] = [
  { value: "owner", label: "Owner", description: "Everything, including roles and settings." },
  { value: "finance", label: "Finance", description: "Payments, refunds and reports." },
  { value: "support", label: "Support", description: "Users, workspaces and credits up to a limit." },
  { value: "read_only", label: "Read-only", description: "Sees the console, changes nothing." },
];

export const adminRoleLabel = (role: AdminRole) => ADMIN_ROLES.find((r) => r.value === role)?.label ?? role;

export function can(role: AdminRole, permission: Permission = "read") {
  return GRANTS[role].has(permission);
}

/** Whether a support-role grant stays within the configured limit (owners have none). */
export function withinCreditLimit(role: AdminRole, millicredits: bigint, limitCredits: number) {
  if (role === "owner") return true;
  const abs = millicredits < 0n ? -millicredits : millicredits;
  return abs <= BigInt(limitCredits) * 1000n;
}

// Admin API keys carry scopes rather than a role: read (GET), write (changes), refund.
export const API_KEY_SCOPES = ["read", "write", "refund"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const isApiKeyScope = (v: string): v is ApiKeyScope =>
  (API_KEY_SCOPES as readonly string[]).includes(v);

/** The choices the key form offers, widest last. */
export const ADMIN_KEY_ACCESS = {
  read: { label: "Read only", scopes: ["read"] },
  write: { label: "Read and write (no refunds)", scopes: ["read", "write"] },
  full: { label: "Read, write and refunds", scopes: ["read", "write", "refund"] },
} satisfies Record<string, { label: string; scopes: ApiKeyScope[] }>;
export type AdminKeyAccess = keyof typeof ADMIN_KEY_ACCESS;

/** "read, write" for a key's scopes, in the order above. */
export const scopesLabel = (scopes: string[]) => API_KEY_SCOPES.filter((s) => scopes.includes(s)).join(", ");
