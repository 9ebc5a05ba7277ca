// GET /admin/security — which admins sign in with two-factor authentication, and whether the console requires it.
import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { listAdminsTwoFactor } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings/settings";
import { formatDate } from "@/lib/utils/format";
import { RequireTwoFactorForm } from "./require-two-factor-form";

export const metadata: Metadata = { title: "Security" };

export default async function AdminSecurityPage() {
  const me = await requireAdmin();
  const [admins, settings] = await Promise.all([listAdminsTwoFactor(), getSettings()]);
  const without = admins.filter((a) => !a.totpEnabledAt).length;
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="text-muted-foreground">
          Two-factor authentication for the people who run this console. Each admin sets it up on their own{" "}
          <Link href="/dashboard/settings/security" className={linkClass}>
            Security settings
          </Link>
          .
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Require two-factor authentication</CardTitle>
          <CardDescription>
            When required, an admin without it is sent to set it up instead of into the console, and admin
            actions and exports are refused until they do.
            {without > 0
              ? ` Admins without it: ${without} of ${admins.length}.`
              : " Every admin has set it up."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RequireTwoFactorForm required={settings.requireAdminTwoFactor} />
        </CardContent>
      </Card>
      <DataTable label="Admins" minWidth="min-w-0">
        <thead>
          <tr>
            <Th>Admin</Th>
            <Th>Two-factor</Th>
          </tr>
        </thead>
        <tbody>
          {admins.map((admin) => (
            <tr key={admin.id}>
              <Td className="break-all">
                <Link href={`/admin/users/${admin.id}`} className={linkClass}>
                  {admin.email}
                </Link>
                {admin.id === me.id ? <span className="text-muted-foreground"> (you)</span> : null}
              </Td>
              <Td>
                {admin.totpEnabledAt ? (
                  <Badge variant="success">On since {formatDate(admin.totpEnabledAt)}</Badge>
                ) : (
                  <Badge variant="warning">Off</Badge>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
