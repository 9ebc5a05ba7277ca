// Admin console shell: only admins get past requireAdmin (others see the 403 page).
import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/shell/app-shell";
import { can, type Permission } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";

// Each item names the permission its page needs; the nav leaves out what the admin's role cannot
// use (the pages refuse it regardless).
const nav: (NavItem & { permission?: Permission })[] = [
  { href: "/admin", label: "Overview", icon: "home" },
  { href: "/admin/analytics", label: "Analytics", icon: "chart" },
  { href: "/admin/reports", label: "Reports", icon: "file" },
  { href: "/admin/users", label: "Users", icon: "users" },
  { href: "/admin/workspaces", label: "Workspaces", icon: "building" },
  { href: "/admin/catalog/tiers", label: "Catalog", icon: "layers" },
  { href: "/admin/coupons", label: "Coupons and referrals", icon: "credit-card" },
  { href: "/admin/experiments", label: "Price experiments", icon: "flask", permission: "catalog" },
  { href: "/admin/payments", label: "Payments", icon: "list" },
  { href: "/admin/payments/events", label: "Payment events", icon: "activity" },
  { href: "/admin/api-keys", label: "Admin API keys", icon: "key", permission: "settings" },
  { href: "/admin/security", label: "Security", icon: "shield", permission: "settings" },
  { href: "/admin/outbox", label: "Email outbox", icon: "mail" },
  { href: "/admin/emails", label: "Email templates", icon: "box", permission: "settings" },
  { href: "/admin/branding", label: "Branding", icon: "palette", permission: "settings" },
  { href: "/admin/audit", label: "Audit log", icon: "scroll" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <AppShell
      area="admin"
      nav={nav
        .filter((i) => can(admin.adminRole, i.permission))
        .map(({ href, label, icon }) => ({ href, label, icon }))}
      user={{ email: admin.email, name: admin.name, isAdmin: true }}
    >
      {children}
    </AppShell>
  );
}
