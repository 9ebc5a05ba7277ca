// GET /admin/users — every account, searchable and filterable (verified, role, signup, plan, status), 25 per page.
import type { Metadata } from "next";
import { linkColumn } from "@/components/admin/link-column";
import {
  AccountTypeFilter,
  FilterDate,
  FilterSearch,
  FilterSelect,
  StatusFilter,
  TierFilter,
} from "@/components/admin/filter-fields";
import { accountTypeLabel, planName } from "@/components/admin/workspace-labels";
import { RoleBadge } from "@/components/admin/role-badge";
import { StatusBadge } from "@/components/ui/badge";
import { AdminList } from "@/components/admin/admin-list";
import { parsePage } from "@/components/ui/pagination";
import { filterParams, type SearchParams } from "@/lib/admin/filters";
import { listUsers, parseUserFilter, parseUserSort, USER_SORT_DEFAULT } from "@/lib/admin/users";
import { filterTiers } from "@/lib/admin/workspaces";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users" };

type Row = Awaited<ReturnType<typeof listUsers>>["rows"][number];

export default async function UsersPage(props: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseUserFilter(params);
  const sort = parseUserSort(params);
  const [users, tiers] = await Promise.all([listUsers(filter, parsePage(params.page), sort), filterTiers()]);

  return (
    <AdminPage
      title="Users"
      description="Everyone with a Tollgate account, newest first (click a column to sort). Plan and status are those of the workspace they own."
    >
      <AdminList<Row>
        basePath="/admin/users"
        filters={{
          label: "Search users",
          fields: (
            <>
              <FilterSearch id="users-q" name="q" label="Email or name" value={filter.q} />
              <FilterSelect
                id="users-verified"
                name="verified"
                label="Email verified"
                value={filter.verified}
              >
                <option value="">Any</option>
                <option value="yes">Verified</option>
                <option value="no">Unverified</option>
              </FilterSelect>
              <FilterSelect id="users-role" name="role" label="Role" value={filter.role}>
                <option value="">Any role</option>
                <option value="user">User</option>
                <option value="admin">Admin</option>
              </FilterSelect>
              <AccountTypeFilter idPrefix="users" value={filter.accountType} />
              <TierFilter idPrefix="users" value={filter.tier} tiers={tiers} />
              <StatusFilter idPrefix="users" value={filter.status} />
              <FilterDate id="users-from" name="from" label="Signed up from" value={filter.from} />
              <FilterDate id="users-to" name="to" label="Signed up to" value={filter.to} />
            </>
          ),
        }}
        params={filterParams(filter)}
        sort={{ current: sort, fallback: USER_SORT_DEFAULT }}
        exportEndpoint="/api/admin/export/users"
        label="Users"
        minWidth="56rem"
        paged={users}
        rowKey={(user) => user.id}
        noun={["user", "users"]}
        empty={{
          title: "No users yet",
          description: "Accounts appear here as people sign up.",
        }}
        columns={[
          {
            ...linkColumn(
              "Email",
              (user: Row) => `/admin/users/${user.id}`,
              (user) => user.email,
              "break-all",
            ),
            sortKey: "email",
          },
          {
            header: "Name",
            priority: "low",
            sortKey: "name",
            cell: (user) => user.name ?? <span className="text-muted-foreground">—</span>,
          },
          { header: "Role", sortKey: "role", cell: (user) => <RoleBadge role={user.role} /> },
          {
            header: "Email status",
            sortKey: "verified",
            cell: (user) => <StatusBadge status={user.emailVerifiedAt ? "verified" : "unverified"} />,
          },
          {
            header: "Plan",
            className: "whitespace-nowrap",
            cell: (user) => {
              const owned = user.memberships[0]?.workspace;
              return owned ? (
                `${planName(owned.subscriptions)} · ${accountTypeLabel(owned.accountType)}`
              ) : (
                <span className="text-muted-foreground">No workspace</span>
              );
            },
          },
          {
            header: "Status",
            cell: (user) => (
              <StatusBadge
                status={user.memberships.some((m) => m.workspace.suspendedAt) ? "suspended" : "active"}
              />
            ),
          },
          {
            header: "Signed up",
            sortKey: "createdAt",
            className: "whitespace-nowrap",
            cell: (user) => formatDate(user.createdAt),
          },
        ]}
      />
    </AdminPage>
  );
}
