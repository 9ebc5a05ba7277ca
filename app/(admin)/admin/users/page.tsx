// GET /admin/users — every account, searchable and filterable (verified, role, signup, plan, status), 25 per page.
import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import {
  AccountTypeFilter,
  FilterDate,
  FilterSearch,
  FilterSelect,
  StatusFilter,
  TierFilter,
} from "@/components/admin/filter-fields";
import { WorkspaceStatusBadge, accountTypeLabel, planName } from "@/components/admin/status-badges";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { filterParams, isFiltered, type SearchParams } from "@/lib/admin/filters";
import { listUsers, parseUserFilter } from "@/lib/admin/users";
import { filterTiers } from "@/lib/admin/workspaces";
import { formatDate } from "@/lib/utils/format";
import { VerifiedBadge } from "../../_components/badges";
import { FilterForm } from "../../_components/filter-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage(props: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseUserFilter(params);
  const [{ rows, total, page, pageCount }, tiers] = await Promise.all([
    listUsers(filter, parsePage(params.page)),
    filterTiers(),
  ]);
  const filtered = isFiltered(filter);

  return (
    <div className="mx-auto grid max-w-6xl min-w-0 gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-muted-foreground">
          Everyone with a Tollgate account, newest first. Plan and status are those of the workspace they own.
        </p>
      </div>

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

      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No users match these filters" : "No users yet"}>
          <p>
            {filtered ? "Try another search or fewer filters." : "Accounts appear here as people sign up."}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable label="Users, newest first" minWidth="min-w-[56rem]">
            <thead>
              <tr>
                <Th>Email</Th>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Email status</Th>
                <Th>Plan</Th>
                <Th>Status</Th>
                <Th>Signed up</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => {
                const owned = user.memberships[0]?.workspace;
                return (
                  <tr key={user.id}>
                    <Td className="font-medium break-all">
                      <Link href={`/admin/users/${user.id}`} className={linkClass}>
                        {user.email}
                      </Link>
                    </Td>
                    <Td className={user.name ? undefined : "text-muted-foreground"}>{user.name ?? "—"}</Td>
                    <Td>
                      <Badge variant={user.role === "admin" ? "default" : "secondary"}>
                        {user.role === "admin" ? "Admin" : "User"}
                      </Badge>
                    </Td>
                    <Td>
                      <VerifiedBadge verified={Boolean(user.emailVerifiedAt)} />
                    </Td>
                    <Td className="whitespace-nowrap">
                      {owned ? (
                        `${planName(owned.subscriptions)} · ${accountTypeLabel(owned.accountType)}`
                      ) : (
                        <span className="text-muted-foreground">No workspace</span>
                      )}
                    </Td>
                    <Td>
                      <WorkspaceStatusBadge
                        suspended={user.memberships.some((m) => m.workspace.suspendedAt)}
                      />
                    </Td>
                    <Td className="whitespace-nowrap">{formatDate(user.createdAt)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          <Pagination
            basePath="/admin/users"
            params={filterParams(filter)}
            page={page}
            pageCount={pageCount}
            total={total}
            noun={total === 1 ? "user" : "users"}
          />
        </>
      )}
    </div>
  );
}
