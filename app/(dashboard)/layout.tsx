// Subscriber dashboard shell: navigation and the workspace the pages act on.
import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/shell/app-shell";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { getDashboardContext } from "@/lib/auth/session";
import { switchWorkspace } from "./actions";

const nav: NavItem[] = [
  { href: "/dashboard", label: "Overview", icon: "home" },
  { href: "/dashboard/usage", label: "Usage", icon: "activity" },
  { href: "/dashboard/models", label: "Models", icon: "box" },
  { href: "/dashboard/team", label: "Team", icon: "users" },
  { href: "/dashboard/credits", label: "Credits", icon: "credit-card" },
  { href: "/dashboard/billing", label: "Billing", icon: "chart" },
  { href: "/dashboard/api-keys", label: "API keys", icon: "key" },
  { href: "/dashboard/provider-keys", label: "Provider keys", icon: "shield" },
  { href: "/dashboard/webhooks", label: "Webhooks", icon: "webhook" },
  { href: "/dashboard/settings", label: "Settings", icon: "settings" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, workspace, workspaces } = await getDashboardContext();
  return (
    <AppShell
      area="dashboard"
      nav={nav}
      user={{ email: user.email, name: user.name, isAdmin: user.role === "admin" }}
      workspaceSwitcher={
        <WorkspaceSwitcher
          workspaces={workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role, personal: w.personal }))}
          currentId={workspace.id}
          switchAction={switchWorkspace}
        />
      }
    >
      {children}
    </AppShell>
  );
}
