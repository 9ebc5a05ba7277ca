// GET /admin/security — which admins sign in with two-factor authentication, and whether the console requires it.
import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import { FormCard } from "@/components/admin/form-card";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { listAdminsTwoFactor } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings/settings";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { RequireTwoFactorForm } from "./require-two-factor-form";

export const metadata: Metadata = { title: "Security" };

type Admin = Awaited<ReturnType<typeof listAdminsTwoFactor>>[number];

export default async function AdminSecurityPage() {
  const me = await requireAdmin("settings");
  const [admins, settings] = await Promise.all([listAdminsTwoFactor(), getSettings()]);
  const without = admins.filter((a) => !a.totpEnabledAt).length;
  return (
    <AdminPage
      className="max-w-4xl"
      title="Security"
      description={
        <p>
          Two-factor authentication for the people who run this console. Each admin sets it up on their own{" "}
          <Link href="/dashboard/settings/security" className={linkClass}>
            Security settings
          </Link>
          .
        </p>
      }
    >
      <FormCard
        title="Require two-factor authentication"
        description={`When required, an admin without it is sent to set it up instead of into the console, and admin actions and exports are refused until they do.${
          without > 0 ? ` Admins without it: ${without} of ${admins.length}.` : " Every admin has set it up."
        }`}
      >
        <RequireTwoFactorForm required={settings.requireAdminTwoFactor} />
      </FormCard>
      <DataTable<Admin>
        label="Admins"
        minWidth="0"
        rows={admins}
        rowKey={(admin) => admin.id}
        columns={[
          {
            header: "Admin",
            kind: "primary",
            className: "break-all font-normal",
            cell: (admin) => (
              <>
                <Link href={`/admin/users/${admin.id}`} className={linkClass}>
                  {admin.email}
                </Link>
                {admin.id === me.id ? <span className="text-muted-foreground"> (you)</span> : null}
              </>
            ),
          },
          {
            header: "Two-factor",
            cell: (admin) =>
              admin.totpEnabledAt ? (
                <StatusBadge status="on">On since {formatDate(admin.totpEnabledAt)}</StatusBadge>
              ) : (
                <StatusBadge status="off" />
              ),
          },
        ]}
      />
    </AdminPage>
  );
}
