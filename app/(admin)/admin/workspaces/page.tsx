// GET /admin/workspaces — every workspace, searchable and filterable (tier, account type, status, created), 25 per page.
import type { Metadata } from "next";
import { linkColumn } from "@/components/admin/link-column";
import {
  AccountTypeFilter,
  FilterDate,
  FilterSearch,
  StatusFilter,
  TierFilter,
} from "@/components/admin/filter-fields";
import { accountTypeLabel, planName } from "@/components/admin/workspace-labels";
import { StatusBadge } from "@/components/ui/badge";
import { AdminList } from "@/components/admin/admin-list";
import { parsePage } from "@/components/ui/pagination";
import { filterParams, type SearchParams } from "@/lib/admin/filters";
import {
  filterTiers,
  listWorkspaces,
  parseWorkspaceFilter,
  parseWorkspaceSort,
  WORKSPACE_SORT_DEFAULT,
} from "@/lib/admin/workspaces";
import { formatCredits } from "@/lib/catalog/money";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Workspaces" };

type Row = Awaited<ReturnType<typeof listWorkspaces>>["rows"][number];

export default async function WorkspacesPage(props: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseWorkspaceFilter(params);
  const sort = parseWorkspaceSort(params);
  const [workspaces, tiers] = await Promise.all([
    listWorkspaces(filter, parsePage(params.page), sort),
    filterTiers(),
  ]);

  return (
    <AdminPage
      title="Workspaces"
      description="Every billing account, personal and team, newest first (click a column to sort)."
    >
      <AdminList<Row>
        basePath="/admin/workspaces"
        filters={{
          label: "Filter workspaces",
          fields: (
            <>
              <FilterSearch id="workspaces-q" name="q" label="Name, slug or owner email" value={filter.q} />
              <TierFilter idPrefix="workspaces" value={filter.tier} tiers={tiers} />
              <AccountTypeFilter idPrefix="workspaces" value={filter.accountType} />
              <StatusFilter idPrefix="workspaces" value={filter.status} />
              <FilterDate id="workspaces-from" name="from" label="Created from" value={filter.from} />
              <FilterDate id="workspaces-to" name="to" label="Created to" value={filter.to} />
            </>
          ),
        }}
        params={filterParams(filter)}
        sort={{ current: sort, fallback: WORKSPACE_SORT_DEFAULT }}
        exportEndpoint="/api/admin/export/workspaces"
        label="Workspaces"
        minWidth="56rem"
        paged={workspaces}
        rowKey={(ws) => ws.id}
        noun={["workspace", "workspaces"]}
        empty={{
          title: "No workspaces yet",
          description: "Every sign-up creates a personal workspace.",
        }}
        columns={[
          {
            ...linkColumn(
              "Name",
              (ws: Row) => `/admin/workspaces/${ws.id}`,
              (ws) => ws.name,
              "break-words",
            ),
            sortKey: "name",
          },
          {
            header: "Owner",
            className: "break-all",
            cell: (ws) => ws.memberships[0]?.user.email ?? <span className="text-muted-foreground">—</span>,
          },
          { header: "Tier", className: "whitespace-nowrap", cell: (ws) => planName(ws.subscriptions) },
          {
            header: "Account type",
            sortKey: "accountType",
            className: "whitespace-nowrap",
            cell: (ws) => accountTypeLabel(ws.accountType),
          },
          {
            header: "Balance (credits)",
            kind: "money",
            sortKey: "balance",
            cell: (ws) => formatCredits(ws.balanceMillicredits),
          },
          {
            header: "Status",
            sortKey: "status",
            cell: (ws) => <StatusBadge status={ws.suspendedAt ? "suspended" : "active"} />,
          },
          {
            header: "Created",
            sortKey: "createdAt",
            className: "whitespace-nowrap",
            cell: (ws) => formatDate(ws.createdAt),
          },
        ]}
      />
    </AdminPage>
  );
}
