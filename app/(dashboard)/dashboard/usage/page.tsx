// GET /dashboard/usage — every metered call of the current workspace, filterable, 50 a page, with CSV export.
import { Download } from "lucide-react";
import { stampLabel } from "@/lib/catalog/price-rules";
import type { Metadata } from "next";
import { PagedTable } from "@/components/ui/paged-table";
import { FilteredEmptyState } from "@/components/ui/empty-state";
import { parsePage } from "@/components/ui/pagination";
import { buttonVariants } from "@/components/ui/button";
import { FilterForm } from "@/components/forms/filter-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect, SelectOptions } from "@/components/ui/native-select";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardContext } from "@/lib/auth/session";
import { formatCredits } from "@/lib/catalog/money";
import { BilledTo, type UsageEvent } from "@/lib/db";
import { listUsageEvents, usedModelKeys } from "@/lib/metering/reports";
import { formatDateTime } from "@/lib/utils/format";
import { BILLED_TO_LABEL, parseUsageSearch, searchQuery } from "./filters";

export const metadata: Metadata = { title: "Usage" };

const PAGE_SIZE = 50;

export default async function UsagePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ workspace }, params] = await Promise.all([getDashboardContext(), props.searchParams]);
  const { search, filters } = parseUsageSearch(params);
  const [result, models] = await Promise.all([
    listUsageEvents(workspace.id, { ...filters, page: parsePage(params.page), pageSize: PAGE_SIZE }),
    usedModelKeys(workspace.id),
  ]);
  const filtered = Object.values(search).some(Boolean);
  const modelOptions = search.model && !models.includes(search.model) ? [search.model, ...models] : models;

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Usage"
        description={`Every call your apps metered in ${workspace.name}. Times are UTC.`}
        actions={
          <a
            href={`/dashboard/usage/export${searchQuery(search)}`}
            className={buttonVariants({ variant: "outline" })}
          >
            <Download aria-hidden /> Export CSV
          </a>
        }
      />

      <FilterForm
        action="/dashboard/usage"
        label="Filter usage"
        active={filtered}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_12rem_10rem_10rem_auto] lg:items-end"
      >
        <div className="grid min-w-0 gap-2">
          <Label htmlFor="usage-model">Model</Label>
          <NativeSelect id="usage-model" name="model" defaultValue={search.model ?? ""}>
            <SelectOptions blank="All models" options={modelOptions} />
          </NativeSelect>
        </div>
        <div className="grid gap-2">
          <Label htmlFor="usage-billed-to">Billed to</Label>
          <NativeSelect id="usage-billed-to" name="billedTo" defaultValue={search.billedTo ?? ""}>
            <SelectOptions
              blank="Anything"
              options={Object.values(BilledTo).map((b) => ({ value: b, label: BILLED_TO_LABEL[b] }))}
            />
          </NativeSelect>
        </div>
        <div className="grid gap-2">
          <Label htmlFor="usage-from">From</Label>
          <Input id="usage-from" name="from" type="date" defaultValue={search.from ?? ""} />
        </div>
        <div className="grid gap-2">
          <Label htmlFor="usage-to">To</Label>
          <Input id="usage-to" name="to" type="date" defaultValue={search.to ?? ""} />
        </div>
      </FilterForm>

      <PagedTable
        label="Usage events, newest first"
        paged={{ ...result, rows: result.events }}
        rowKey={(e) => e.id}
        noun={["call", "calls"]}
        pager={{ basePath: "/dashboard/usage", params: search }}
        empty={
          <FilteredEmptyState
            filtered={filtered}
            noun="calls"
            retry="Try another model, billing source or date range."
            title="No usage yet"
            description="Calls made with this workspace's API keys appear here as they happen."
          />
        }
        columns={[
          { header: "Time (UTC)", cell: (e) => formatDateTime(e.createdAt), className: "whitespace-nowrap" },
          { header: "Model", cell: (e) => e.modelKey, className: "font-mono text-xs break-all" },
          { header: "Quantity or tokens", kind: "numeric", cell: amount },
          { header: "Billed to", cell: (e) => BILLED_TO_LABEL[e.billedTo], className: "whitespace-nowrap" },
          { header: "Credits charged", kind: "money", cell: (e) => formatCredits(e.chargedMillicredits) },
          { header: "Quota units", kind: "numeric", cell: (e) => e.quotaUnits.toLocaleString("en-US") },
          { header: "Pricing rule", cell: (e) => stampLabel(e, result.ruleNames), className: "text-sm" },
        ]}
      />
    </div>
  );
}

function amount(e: Pick<UsageEvent, "quantity" | "inputTokens" | "outputTokens">) {
  if (e.quantity !== null) return e.quantity.toLocaleString("en-US");
  return `${(e.inputTokens ?? 0n).toLocaleString("en-US")} in / ${(e.outputTokens ?? 0n).toLocaleString("en-US")} out`;
}
