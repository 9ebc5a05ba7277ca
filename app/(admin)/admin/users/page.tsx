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
import { PagedTable } from "@/components/ui/paged-table";
import { FilteredEmptyState } from "@/components/ui/empty-state";
import { parsePage } from "@/components/ui/pagination";
import { filterParams, isFiltered, type SearchParams } from "@/lib/admin/filters";
import { listUsers, parseUserFilter } from "@/lib/admin/users";
import { filterTiers } from "@/lib/admin/workspaces";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { FilterForm } from "@/components/forms/filter-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users" };

type Row = Awaited<ReturnType<typeof listUsers>>["rows"][number];

export default async function UsersPage(props: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseUserFilter(params);
  const [users, tiers] = await Promise.all([listUsers(filter, parsePage(params.page)), filterTiers()]);
  const filtered = isFiltered(filter);

  return (
    <AdminPage
      title="Users"
      description="Everyone with a Tollgate account, newest first. Plan and status are those of the workspace they own."
    >
      <FilterForm action="/admin/users" label="Search users" active={filtered}>
        <FilterSearch id="users-q" name="q" label="Email or name" value={filter.q} />
        <FilterSelect id="users-verified" name="verified" label="Email verified" value={filter.verified}>
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
      </FilterForm>

      <PagedTable<Row>
        label="Users, newest first"
        minWidth="56rem"
        paged={users}
        rowKey={(user) => user.id}
        noun={["user", "users"]}
        pager={{ basePath: "/admin/users", params: filterParams(filter) }}
        empty={
          <FilteredEmptyState
            filtered={filtered}
            noun="users"
            retry="Try another search or fewer filters."
            title="No users yet"
            description="Accounts appear here as people sign up."
          />
        }
        columns={[
          linkColumn(
            "Email",
            (user) => `/admin/users/${user.id}`,
            (user) => user.email,
            "break-all",
          ),
          {
            header: "Name",
            priority: "low",
            cell: (user) => user.name ?? <span className="text-muted-foreground">—</span>,
          },
          { header: "Role", cell: (user) => <RoleBadge role={user.role} /> },
          {
            header: "Email status",
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
          { header: "Signed up", className: "whitespace-nowrap", cell: (user) => formatDate(user.createdAt) },
        ]}
      />
    </AdminPage>
  );
}
