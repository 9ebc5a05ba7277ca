import { randomUUID } from "node:crypto";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { workspaceLedger } from "@/lib/admin/workspaces";
import { creditsLabel, formatCredits } from "@/lib/catalog/money";
import { formatDateTime } from "@/lib/utils/format";
import { CreditsForm } from "./credits-form";
import { sectionHeading, type TabProps } from "./tab-props";

const kindLabel = (kind: string) => kind.replaceAll("_", " ");

export async function LedgerTab({ ws, page, basePath }: TabProps) {
  const ledger = await workspaceLedger(ws.id, page);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Grant or deduct credits</CardTitle>
          <CardDescription>
            Balance: {creditsLabel(ws.balanceMillicredits)}. A deduct never takes it below zero.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreditsForm workspaceId={ws.id} idempotencyKey={randomUUID()} />
        </CardContent>
      </Card>

      <section className="grid gap-3" aria-labelledby="ledger-entries">
        <h2 id="ledger-entries" className={sectionHeading}>
          Ledger entries
        </h2>
        {ledger.total === 0 ? (
          <EmptyState title="No ledger entries yet">
            <p>Purchases, grants, usage and adjustments appear here.</p>
          </EmptyState>
        ) : (
          <>
            <DataTable label="Ledger entries, newest first" minWidth="min-w-[56rem]">
              <thead>
                <tr>
                  <Th>Time</Th>
                  <Th>Kind</Th>
                  <Th className="text-right">Amount (credits)</Th>
                  <Th className="text-right">Balance after (credits)</Th>
                  <Th>Reference</Th>
                  <Th>Reason</Th>
                  <Th>Actor</Th>
                </tr>
              </thead>
              <tbody>
                {ledger.rows.map((e) => (
                  <tr key={e.id}>
                    <Td className="whitespace-nowrap">{formatDateTime(e.createdAt)}</Td>
                    <Td className="whitespace-nowrap capitalize">{kindLabel(e.kind)}</Td>
                    <Td
                      className={`text-right whitespace-nowrap tabular-nums ${e.amountMillicredits < 0n ? "text-destructive" : ""}`}
                    >
                      {e.amountMillicredits > 0n ? "+" : ""}
                      {formatCredits(e.amountMillicredits)}
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {formatCredits(e.balanceAfterMillicredits)}
                    </Td>
                    <Td className="max-w-56 font-mono text-xs break-all">{e.reference}</Td>
                    <Td className="max-w-72 min-w-40 break-words">
                      {e.reason ?? <span className="text-muted-foreground">—</span>}
                    </Td>
                    <Td className="break-all">
                      {e.actorEmail ?? <span className="text-muted-foreground">System</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Pagination
              basePath={basePath}
              params={{ tab: "ledger" }}
              page={ledger.page}
              pageCount={ledger.pageCount}
              total={ledger.total}
              noun={ledger.total === 1 ? "entry" : "entries"}
            />
          </>
        )}
      </section>
    </div>
  );
}
