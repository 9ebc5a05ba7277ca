import { workspaceUsage } from "@/lib/admin/workspaces";
import { formatCredits } from "@/lib/catalog/money";
import { formatCount, formatDateTime } from "@/lib/utils/format";
import { sectionHeading, type TabProps } from "./tab-props";
import { TabTable } from "./tab-table";

type Event = Awaited<ReturnType<typeof workspaceUsage>>["rows"][number];

const billedToLabel = { quota: "Quota", credits: "Credits", free: "Free", byok: "Own key" } as const;

// Provider cost is in micro-dollars; shown as dollars with up to 6 decimals.
const dollars = (micros: bigint) =>
  `$${(Number(micros) / 1e6).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;

function quantity(e: { quantity: bigint | null; inputTokens: bigint | null; outputTokens: bigint | null }) {
  if (e.inputTokens !== null || e.outputTokens !== null)
    return `${(e.inputTokens ?? 0n).toLocaleString("en-US")} in / ${(e.outputTokens ?? 0n).toLocaleString("en-US")} out`;
  return (e.quantity ?? 1n).toLocaleString("en-US");
}

export async function UsageTab({ ws, page, pager }: TabProps) {
  const usage = await workspaceUsage(ws.id, page);
  const stats = [
    { label: "Events", value: formatCount(usage.totals.events) },
    { label: "Credits charged", value: formatCredits(usage.totals.chargedMillicredits) },
    { label: "Quota units", value: formatCount(usage.totals.quotaUnits) },
    { label: "Provider cost", value: dollars(usage.totals.providerCostMicros) },
  ];
  return (
    <div className="grid gap-6">
      <section className="grid gap-3" aria-labelledby="usage-totals">
        <h2 id="usage-totals" className={sectionHeading}>
          Totals
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="grid gap-1 rounded-lg border bg-card p-4">
              <dt className="text-sm text-muted-foreground">{s.label}</dt>
              <dd className="text-xl font-semibold break-words tabular-nums">{s.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <TabTable<Event>
        title="Usage events"
        pager={pager}
        paged={usage}
        noun={["event", "events"]}
        label="Usage events, newest first"
        minWidth="50rem"
        empty={{
          title: "No usage yet",
          description: "Calls to the v1 API with this workspace's keys appear here.",
        }}
        columns={[
          { header: "Time", className: "whitespace-nowrap", cell: (e) => formatDateTime(e.createdAt) },
          { header: "Model", className: "font-mono text-xs whitespace-nowrap", cell: (e) => e.modelKey },
          { header: "Billed to", cell: (e) => billedToLabel[e.billedTo] },
          { header: "Quantity", kind: "numeric", cell: quantity },
          {
            header: "Charged (credits)",
            kind: "money",
            cell: (e) => formatCredits(e.chargedMillicredits),
          },
          { header: "Quota units", kind: "numeric", cell: (e) => formatCount(e.quotaUnits) },
        ]}
      />
    </div>
  );
}
