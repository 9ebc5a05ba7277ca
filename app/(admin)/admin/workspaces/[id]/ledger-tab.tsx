import { randomUUID } from "node:crypto";
import { TitledCard } from "@/components/ui/card";
import { workspaceLedger } from "@/lib/admin/workspaces";
import { creditsLabel, formatCredits } from "@/lib/catalog/money";
import { formatDateTime } from "@/lib/utils/format";
import { CreditsForm } from "./credits-form";
import type { TabProps } from "./tab-props";
import { TabTable } from "./tab-table";

type Entry = Awaited<ReturnType<typeof workspaceLedger>>["rows"][number];

const kindLabel = (kind: string) => kind.replaceAll("_", " ");

export async function LedgerTab({ ws, page, pager, may }: TabProps) {
  const ledger = await workspaceLedger(ws.id, page);
  return (
    <div className="grid gap-6">
      {may.credits ? (
        <TitledCard
          title="Grant or deduct credits"
          description={
            <>Balance: {creditsLabel(ws.balanceMillicredits)}. A deduct never takes it below zero.</>
          }
        >
          <CreditsForm workspaceId={ws.id} idempotencyKey={randomUUID()} />
        </TitledCard>
      ) : (
        <p className="text-sm">Balance: {creditsLabel(ws.balanceMillicredits)}.</p>
      )}

      <TabTable<Entry>
        title="Ledger entries"
        pager={pager}
        paged={ledger}
        noun={["entry", "entries"]}
        label="Ledger entries, newest first"
        minWidth="56rem"
        empty={{
          title: "No ledger entries yet",
          description: "Purchases, grants, usage and adjustments appear here.",
        }}
        columns={[
          { header: "Time", className: "whitespace-nowrap", cell: (e) => formatDateTime(e.createdAt) },
          { header: "Kind", className: "whitespace-nowrap capitalize", cell: (e) => kindLabel(e.kind) },
          {
            header: "Amount (credits)",
            kind: "money",
            cell: (e) => (
              <span className={e.amountMillicredits < 0n ? "text-destructive" : undefined}>
                {e.amountMillicredits > 0n ? "+" : ""}
                {formatCredits(e.amountMillicredits)}
              </span>
            ),
          },
          {
            header: "Balance after (credits)",
            kind: "money",
            cell: (e) => formatCredits(e.balanceAfterMillicredits),
          },
          {
            header: "Reference",
            priority: "low",
            className: "max-w-56 font-mono text-xs break-all",
            cell: (e) => e.reference,
          },
          {
            header: "Reason",
            className: "max-w-72 min-w-40 break-words",
            cell: (e) => e.reason ?? <span className="text-muted-foreground">—</span>,
          },
          {
            header: "Actor",
            className: "break-all",
            cell: (e) => e.actorEmail ?? <span className="text-muted-foreground">System</span>,
          },
        ]}
      />
    </div>
  );
}
