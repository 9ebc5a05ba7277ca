import { BarChart } from "@/components/admin/charts/chart";
import { linkColumn } from "@/components/admin/link-column";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { ParsedRange } from "@/lib/analytics/range";
import { topWorkspaces, usageByHour, usageByModel } from "@/lib/analytics/usage";
import { formatCount } from "@/lib/utils/format";
import { FiguresTable } from "./figures-table";
import { credits, creditsOf, rangeLabel, usd } from "./format";
import { Folded, Section, TableBlock } from "./section";

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

export async function UsagePatternsSection({ range }: { range: ParsedRange }) {
  const [hours, models] = await Promise.all([usageByHour(range), usageByModel(range)]);
  return (
    <Section title="Usage by hour and model" description="Every metered call in the range. Hours are UTC.">
      <TableBlock title="Usage by hour of day" report="usage-by-hour" range={range}>
        <BarChart
          title={`Calls per hour of day (UTC), ${rangeLabel(range)}`}
          data={hours.map((h) => ({ hour: h.hour, calls: h.calls }))}
          xKey="hour"
          xFormat="hour"
          series={[{ key: "calls", label: "Calls" }]}
          valueFormat="count"
        />
        <Folded summary="Show usage by hour as a table">
          <FiguresTable
            label="Usage by hour of day"
            minWidth="20rem"
            columns={["Hour (UTC)", "Calls", "Credits charged"]}
            rows={hours}
            rowKey={(h) => h.hour}
            cells={(h) => [hourLabel(h.hour), formatCount(h.calls), credits(h.creditsMillicredits)]}
          />
        </Folded>
      </TableBlock>
      <TableBlock title="Usage by model" report="usage-by-model" range={range}>
        {models.length === 0 ? (
          <EmptyState title="No usage in this range" />
        ) : (
          <>
            <BarChart
              title={`Credits charged and provider cost by model, ${rangeLabel(range)}`}
              data={models.map((m) => ({
                model: m.modelKey,
                credits: creditsOf(m.revenueMillicredits),
                cost: creditsOf(m.costMicros),
              }))}
              xKey="model"
              xFormat="text"
              series={[
                { key: "credits", label: "Credits charged" },
                { key: "cost", label: "Provider cost (credits)" },
              ]}
              valueFormat="credits"
            />
            <FiguresTable
              label="Usage by model"
              minWidth="32rem"
              columns={["Model", "Calls", "Credits charged", "Provider cost"]}
              rows={models}
              rowKey={(m) => m.modelKey}
              labelClassName="break-all font-mono text-xs"
              cells={(m) => [
                m.modelKey,
                formatCount(m.calls),
                credits(m.revenueMillicredits),
                credits(m.costMicros),
              ]}
            />
          </>
        )}
      </TableBlock>
    </Section>
  );
}

type Top = Awaited<ReturnType<typeof topWorkspaces>>[number];

export async function TopWorkspacesSection({ range }: { range: ParsedRange }) {
  const top = await topWorkspaces(range);
  return (
    <Section
      title="Top workspaces by spend"
      description="The ten workspaces that paid most in the range (net of refunds), then by credits consumed."
    >
      <TableBlock title="Top workspaces" report="top-workspaces" range={range}>
        <DataTable<Top>
          label="Top workspaces"
          minWidth="32rem"
          rows={top}
          rowKey={(w) => w.id}
          empty={<EmptyState title="No payments or usage in this range" />}
          columns={[
            { header: "#", className: "w-12 text-muted-foreground tabular-nums", cell: (_, i) => i + 1 },
            linkColumn(
              "Workspace",
              (w) => `/admin/workspaces/${w.id}`,
              (w) => w.name,
            ),
            { header: "Payments", kind: "money", cell: (w) => usd(w.paymentsCents) },
            { header: "Credits consumed", kind: "money", cell: (w) => credits(w.consumedMillicredits) },
          ]}
        />
      </TableBlock>
    </Section>
  );
}
