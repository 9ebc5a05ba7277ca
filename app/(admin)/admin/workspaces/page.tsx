// GET /admin/workspaces — every workspace, searchable and filterable (tier, account type, status, created), 25 per page.
import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import {
  AccountTypeFilter,
  FilterDate,
  FilterSearch,
  StatusFilter,
  TierFilter,
} from "@/components/admin/filter-fields";
import { WorkspaceStatusBadge, accountTypeLabel, planName } from "@/components/admin/status-badges";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { filterParams, isFiltered, type SearchParams } from "@/lib/admin/filters";
import { filterTiers, listWorkspaces, parseWorkspaceFilter } from "@/lib/admin/workspaces";
import { formatCredits } from "@/lib/catalog/money";
import { formatDate } from "@/lib/utils/format";
import { FilterForm } from "../../_components/filter-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage(props: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseWorkspaceFilter(params);
  const [{ rows, total, page, pageCount }, tiers] = await Promise.all([
    listWorkspaces(filter, parsePage(params.page)),
    filterTiers(),
  ]);
  const filtered = isFiltered(filter);

  return (
    <div className="mx-auto grid max-w-6xl min-w-0 gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Workspaces</h1>
        <p className="text-muted-foreground">Every billing account, personal and team, newest first.</p>
      </div>

      <FilterForm action="/admin/workspaces" label="Filter workspaces" active={filtered}>
        <FilterSearch id="workspaces-q" name="q" label="Name, slug or owner email" value={filter.q} />
        <TierFilter idPrefix="workspaces" value={filter.tier} tiers={tiers} />
        <AccountTypeFilter idPrefix="workspaces" value={filter.accountType} />
        <StatusFilter idPrefix="workspaces" value={filter.status} />
        <FilterDate id="workspaces-from" name="from" label="Created from" value={filter.from} />
        <FilterDate id="workspaces-to" name="to" label="Created to" value={filter.to} />
      </FilterForm>

      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No workspaces match these filters" : "No workspaces yet"}>
          <p>
            {filtered
              ? "Try another search or fewer filters."
              : "Every sign-up creates a personal workspace."}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable label="Workspaces, newest first" minWidth="min-w-[56rem]">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Owner</Th>
                <Th>Tier</Th>
                <Th>Account type</Th>
                <Th className="text-right">Balance (credits)</Th>
                <Th>Status</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((ws) => (
                <tr key={ws.id}>
                  <Td className="font-medium break-words">
                    <Link href={`/admin/workspaces/${ws.id}`} className={linkClass}>
                      {ws.name}
                    </Link>
                  </Td>
                  <Td className="break-all">
                    {ws.memberships[0]?.user.email ?? <span className="text-muted-foreground">—</span>}
                  </Td>
                  <Td className="whitespace-nowrap">{planName(ws.subscriptions)}</Td>
                  <Td className="whitespace-nowrap">{accountTypeLabel(ws.accountType)}</Td>
                  <Td className="text-right tabular-nums">{formatCredits(ws.balanceMillicredits)}</Td>
                  <Td>
                    <WorkspaceStatusBadge suspended={Boolean(ws.suspendedAt)} />
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(ws.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            basePath="/admin/workspaces"
            params={filterParams(filter)}
            page={page}
            pageCount={pageCount}
            total={total}
            noun={total === 1 ? "workspace" : "workspaces"}
          />
        </>
      )}
    </div>
  );
}
