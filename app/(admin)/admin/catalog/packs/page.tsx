// GET /admin/catalog/packs — one-off credit packs people buy on top of (or instead of) a plan.
import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { listCreditPacks } from "@/lib/catalog/packs";
import type { CreditPack } from "@/lib/db";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { RowActions } from "../_components/row-actions";
import { YesNo } from "../_components/yes-no";
import { createCreditPackAction, deleteCreditPackAction } from "./actions";
import { PackForm, emptyPack } from "./pack-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Credit packs" };

/** What 1,000 credits cost in the pack, bonus included (rounded to the cent). */
function pricePer1k(pack: CreditPack) {
  const total = pack.millicredits + pack.bonusMillicredits;
  if (total <= 0n) return "—";
  // cents per 1,000 credits = price × 1,000,000 millicredits / total millicredits, half up
  const cents = (BigInt(pack.priceCents) * 2_000_000n + total) / (2n * total);
  return formatCents(Number(cents), pack.currency);
}

export default async function PacksPage() {
  await requireAdmin();
  const packs = await listCreditPacks();
  return (
    <>
      <section className="grid gap-4">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">Credit packs</h2>
          <p className="text-sm text-muted-foreground">
            Prepaid credits sold at a fixed price. 1,000 credits = $1 of provider cost.
          </p>
        </div>
        {packs.length === 0 ? (
          <EmptyState title="No credit packs yet">
            <p>Add one below; active packs appear on the buy-credits page.</p>
          </EmptyState>
        ) : (
          <DataTable label="Credit packs">
            <thead>
              <tr>
                <Th>Pack</Th>
                <Th className="text-right">Credits</Th>
                <Th className="text-right">Bonus</Th>
                <Th className="text-right">Price</Th>
                <Th className="text-right">Per 1,000 credits</Th>
                <Th>Active</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody>
              {packs.map((pack) => (
                <tr key={pack.id}>
                  <Th scope="row" className="border-b bg-transparent font-normal text-foreground">
                    <span className="block font-medium">{pack.name}</span>
                    <span className="block font-mono text-xs text-muted-foreground">{pack.code}</span>
                  </Th>
                  <Td className="text-right tabular-nums">{formatCredits(pack.millicredits)}</Td>
                  <Td className="text-right tabular-nums">
                    {pack.bonusMillicredits > 0n ? `+${formatCredits(pack.bonusMillicredits)}` : "—"}
                  </Td>
                  <Td className="text-right tabular-nums">{formatCents(pack.priceCents, pack.currency)}</Td>
                  <Td className="text-right tabular-nums">{pricePer1k(pack)}</Td>
                  <Td>
                    <YesNo value={pack.active} />
                  </Td>
                  <Td>
                    <RowActions
                      name={pack.name}
                      editHref={`/admin/catalog/packs/${pack.id}`}
                      remove={{
                        id: pack.id,
                        confirmLabel: "Delete pack",
                        action: deleteCreditPackAction,
                        description:
                          "It can no longer be bought; credits already sold stay in their wallets. To pause sales instead, untick Active.",
                      }}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <Card>
        <CardHeader>
          <CardTitle>New credit pack</CardTitle>
          <CardDescription>Priced in US dollars; the bonus is added free on purchase.</CardDescription>
        </CardHeader>
        <CardContent>
          <PackForm pack={emptyPack} action={createCreditPackAction} submitLabel="Add credit pack" />
        </CardContent>
      </Card>
    </>
  );
}
