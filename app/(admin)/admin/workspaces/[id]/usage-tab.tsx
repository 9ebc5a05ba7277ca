import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { workspaceUsage } from "@/lib/admin/workspaces";
import { formatCredits } from "@/lib/catalog/money";
import { formatCount, formatDateTime } from "@/lib/utils/format";
import { sectionHeading, type TabProps } from "./tab-props";

const billedToLabel = { quota: "Quota", credits: "Credits", free: "Free", byok: "Own key" } as const;

// Provider cost is in micro-dollars; shown as dollars with up to 6 decimals.
const dollars = (micros: bigint) =>
  `$${(Number(micros) / 1e6).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;

function quantity(e: { quantity: bigint | null; inputTokens: bigint | null; outputTokens: bigint | null }) {
  if (e.inputTokens !== null || e.outputTokens !== null)
    return `${(e.inputTokens ?? 0n).toLocaleString("en-US")} in / ${(e.outputTokens ?? 0n).toLocaleString("en-US")} out`;
  return (e.quantity ?? 1n).toLocaleString("en-US");
}

export async function UsageTab({ ws, page, basePath }: TabProps) {
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

      <section className="grid gap-3" aria-labelledby="usage-events">
        <h2 id="usage-events" className={sectionHeading}>
          Usage events
        </h2>
        {usage.total === 0 ? (
          <EmptyState title="No usage yet">
            <p>Calls to the v1 API with this workspace&apos;s keys appear here.</p>
          </EmptyState>
        ) : (
          <>
            <DataTable label="Usage events, newest first" minWidth="min-w-[50rem]">
              <thead>
                <tr>
                  <Th>Time</Th>
                  <Th>Model</Th>
                  <Th>Billed to</Th>
                  <Th className="text-right">Quantity</Th>
                  <Th className="text-right">Charged (credits)</Th>
                  <Th className="text-right">Quota units</Th>
                </tr>
              </thead>
              <tbody>
                {usage.rows.map((e) => (
                  <tr key={e.id}>
                    <Td className="whitespace-nowrap">{formatDateTime(e.createdAt)}</Td>
                    <Td className="font-mono text-xs whitespace-nowrap">{e.modelKey}</Td>
                    <Td>{billedToLabel[e.billedTo]}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{quantity(e)}</Td>
                    <Td className="text-right tabular-nums">{formatCredits(e.chargedMillicredits)}</Td>
                    <Td className="text-right tabular-nums">{formatCount(e.quotaUnits)}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Pagination
              basePath={basePath}
              params={{ tab: "usage" }}
              page={usage.page}
              pageCount={usage.pageCount}
              total={usage.total}
              noun={usage.total === 1 ? "event" : "events"}
            />
          </>
        )}
      </section>
    </div>
  );
}
