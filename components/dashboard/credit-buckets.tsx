// What the balance is made of: one row per credit bucket with credits left, in the order calls
// draw them (lib/billing/buckets.ts), with when each expires.
import { DataTable } from "@/components/ui/data-table";
import { SOURCE_LABEL, type creditBreakdown } from "@/lib/billing/buckets";
import { formatCredits } from "@/lib/catalog/money";
import { formatDate } from "@/lib/utils/format";

type Breakdown = Awaited<ReturnType<typeof creditBreakdown>>;

export function nextExpiryLine({ nextExpiry }: Breakdown) {
  return nextExpiry
    ? `${formatCredits(nextExpiry.millicredits)} credits expire on ${formatDate(nextExpiry.at)}.`
    : null;
}

export function CreditBuckets({ breakdown }: { breakdown: Breakdown }) {
  return (
    <DataTable
      label="Where your credits are"
      rows={breakdown.buckets}
      rowKey={(b) => b.id}
      columns={[
        { header: "Credits", kind: "primary", cell: (b) => SOURCE_LABEL[b.source] },
        { header: "Granted", kind: "money", cell: (b) => formatCredits(b.grantedMillicredits) },
        { header: "Left", kind: "money", cell: (b) => formatCredits(b.remainingMillicredits) },
        {
          header: "Expires",
          cell: (b) => (b.expiresAt ? formatDate(b.expiresAt) : "Never"),
        },
      ]}
    />
  );
}
