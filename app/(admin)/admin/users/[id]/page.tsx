// GET /admin/users/[id] — one account: profile, the workspaces they belong to, and the audit entries about them.
import Link from "next/link";
import { AuditSection } from "@/components/admin/audit-table";
import { Detail, DetailList, linkClass } from "@/components/admin/detail-list";
import { RoleBadge } from "@/components/admin/role-badge";
import { accountTypeLabel, planName } from "@/components/admin/workspace-labels";
import { StatusBadge, statusLabel } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { parsePage } from "@/components/ui/pagination";
import type { SearchParams } from "@/lib/admin/filters";
import { getUserDetail, userAudit } from "@/lib/admin/users";
import { capitalize, formatDateTime } from "@/lib/utils/format";
import { AdminPage } from "../../../_components/admin-page";
import { adminRecord, type RecordProps } from "../../../_components/admin-record";
import { adminRoleLabel, can } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";
import { AdminRoleForm } from "./admin-role-form";
import { ResendVerificationButton } from "./resend-verification-button";

type Props = RecordProps & { searchParams: Promise<SearchParams> };

const record = adminRecord("User", getUserDetail, "email");

type Membership = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>["memberships"][number];

export const generateMetadata = record.metadata;

export default async function UserPage(props: Props) {
  const user = await record.load(props);
  const viewer = await requireAdmin();
  const params = await props.searchParams;
  const audit = await userAudit(user.id, parsePage(params.page));

  return (
    <AdminPage
      title={<span className="break-all">{user.email}</span>}
      back={{ href: "/admin/users", label: "Back to users" }}
      description={
        <div className="flex flex-wrap items-center gap-2">
          <RoleBadge role={user.role} />
          <StatusBadge status={user.emailVerifiedAt ? "verified" : "unverified"} />
        </div>
      }
    >
      <TitledCard title="Profile">
        <DetailList>
          <Detail label="Email">{user.email}</Detail>
          <Detail label="Name">{user.name ?? "—"}</Detail>
          <Detail label="Role">
            {user.role === "admin" ? `Admin · ${adminRoleLabel(user.adminRole)}` : "User"}
          </Detail>
          <Detail label="Email verified">
            {user.emailVerifiedAt ? formatDateTime(user.emailVerifiedAt) : statusLabel("unverified")}
          </Detail>
          <Detail label="Signed up">{formatDateTime(user.createdAt)}</Detail>
          <Detail label="Referral code">
            <span className="font-mono text-xs">{user.referralCode}</span>
          </Detail>
          <Detail label="Referred by">
            {user.referredBy ? (
              <Link href={`/admin/users/${user.referredBy.id}`} className={linkClass}>
                {user.referredBy.email}
              </Link>
            ) : (
              "Nobody"
            )}
          </Detail>
          <Detail label="People referred">{user._count.referrals}</Detail>
        </DetailList>
      </TitledCard>

      {user.role === "admin" && can(viewer.adminRole, "roles") ? (
        <TitledCard
          title="Console role"
          description="What this admin may do in the console. The console always keeps at least one owner."
        >
          <AdminRoleForm userId={user.id} role={user.adminRole} />
        </TitledCard>
      ) : null}

      {user.emailVerifiedAt || !can(viewer.adminRole, "users") ? null : (
        <TitledCard
          title="Email verification"
          description="Sends a new verification link, as at sign-up. Earlier links keep working until they expire."
        >
          <ResendVerificationButton userId={user.id} />
        </TitledCard>
      )}

      <section className="grid gap-3" aria-labelledby="user-workspaces">
        <h2 id="user-workspaces" className="text-lg leading-tight font-semibold">
          Workspaces
        </h2>
        <DataTable<Membership>
          label="Workspaces this user belongs to"
          rows={user.memberships}
          rowKey={(m) => m.id}
          empty={<EmptyState title="Not a member of any workspace" />}
          columns={[
            {
              header: "Workspace",
              kind: "primary",
              className: "break-words",
              cell: (m) => (
                <>
                  <Link href={`/admin/workspaces/${m.workspace.id}`} className={linkClass}>
                    {m.workspace.name}
                  </Link>
                  <span className="block text-xs font-normal text-muted-foreground">
                    {m.workspace.personal ? "Personal" : "Team"}
                  </span>
                </>
              ),
            },
            { header: "Role", cell: (m) => capitalize(m.role) },
            {
              header: "Plan",
              className: "whitespace-nowrap",
              cell: (m) =>
                `${planName(m.workspace.subscriptions)} · ${accountTypeLabel(m.workspace.accountType)}`,
            },
            {
              header: "Status",
              cell: (m) => <StatusBadge status={m.workspace.suspendedAt ? "suspended" : "active"} />,
            },
            { header: "Joined", className: "whitespace-nowrap", cell: (m) => formatDateTime(m.createdAt) },
          ]}
        />
      </section>

      <AuditSection
        label="Audit entries about this user, newest first"
        emptyTitle="No audit entries about this user yet"
        audit={audit}
        basePath={`/admin/users/${user.id}`}
        params={{}}
      />
    </AdminPage>
  );
}
