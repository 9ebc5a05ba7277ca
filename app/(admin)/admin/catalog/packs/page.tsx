// GET /admin/catalog/packs — one-off credit packs people buy on top of (or instead of) a plan.
import type { Metadata } from "next";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { listCreditPacks } from "@/lib/catalog/packs";
import type { CreditPack } from "@/lib/db";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FormCard } from "@/components/admin/form-card";
import { CatalogSection, NameKey } from "../_components/catalog-section";
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
      <CatalogSection
        title="Credit packs"
        description="Prepaid credits sold at a fixed price. 1,000 credits = $1 of provider cost."
      >
        <DataTable<CreditPack>
          label="Credit packs"
          rows={packs}
          rowKey={(pack) => pack.id}
          empty={
            <EmptyState
              title="No credit packs yet"
              description="Add one below; active packs appear on the buy-credits page."
            />
          }
          columns={[
            {
              header: "Pack",
              kind: "primary",
              cell: (pack) => <NameKey name={pack.name} code={pack.code} />,
            },
            { header: "Credits", kind: "money", cell: (pack) => formatCredits(pack.millicredits) },
            {
              header: "Bonus",
              kind: "money",
              cell: (pack) =>
                pack.bonusMillicredits > 0n ? `+${formatCredits(pack.bonusMillicredits)}` : "—",
            },
            { header: "Price", kind: "money", cell: (pack) => formatCents(pack.priceCents, pack.currency) },
            { header: "Per 1,000 credits", kind: "money", cell: pricePer1k },
            { header: "Active", cell: (pack) => <YesNo value={pack.active} /> },
            {
              header: "Actions",
              kind: "actions",
              cell: (pack) => (
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
              ),
            },
          ]}
        />
      </CatalogSection>

      <FormCard
        title="New credit pack"
        description="Priced in US dollars; the bonus is added free on purchase."
      >
        <PackForm pack={emptyPack} action={createCreditPackAction} submitLabel="Add credit pack" />
      </FormCard>
    </>
  );
}
