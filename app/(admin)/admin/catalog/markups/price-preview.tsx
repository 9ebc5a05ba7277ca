import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatBps, formatCredits } from "@/lib/catalog/money";
import { priceCall, type MarkupSource } from "@/lib/catalog/pricing";
import type { Model, Tier, TierModel } from "@/lib/db";
import { linkClass } from "@/components/admin/detail-list";
import { DataTable, type Column } from "@/components/ui/data-table";

type Row = Model & { tiers: TierModel[] };

type Props = { models: Row[]; tiers: Tier[]; defaultMarkupBps: number };

const sourceLabel: Record<MarkupSource, string> = {
  byok: "own key",
  free: "free model",
  model: "model",
  tier: "tier",
  default: "default",
};

const unitLabel = (model: Model) => (model.unit === "token" ? "1K in + 1K out tokens" : `1 ${model.unit}`);

// Rendered on the server from the same priceCall the API charges with, so the preview can't drift.
export function PricePreview({ models, tiers, defaultMarkupBps }: Props) {
  if (models.length === 0) return <EmptyState title="No enabled models" />;
  return (
    <DataTable<Row>
      label="Price preview"
      minWidth={`${20 + tiers.length * 8}rem`}
      rows={models}
      rowKey={(model) => model.id}
      columns={[
        {
          header: "Model",
          kind: "primary",
          cell: (model) => (
            <Link href={`/admin/catalog/models/${model.id}`} className={`${linkClass} font-mono text-xs`}>
              {model.key}
            </Link>
          ),
        },
        { header: "Priced unit", className: "whitespace-nowrap", cell: unitLabel },
        {
          header: "Override",
          kind: "numeric",
          cell: (model) =>
            model.free ? (
              "Free"
            ) : model.markupOverrideBps === null ? (
              <span className="text-muted-foreground">—</span>
            ) : (
              formatBps(model.markupOverrideBps)
            ),
        },
        ...tiers.map((tier): Column<Row> => ({
          header: tier.name,
          kind: "money",
          cell: (model) => {
            if (!model.tiers.some((t) => t.tierId === tier.id))
              return <span className="text-muted-foreground">—</span>;
            const usage =
              model.unit === "token" ? { inputTokens: 1000, outputTokens: 1000 } : { quantity: 1 };
            const price = priceCall({ model, usage, tierMarkupBps: tier.markupBps, defaultMarkupBps });
            return (
              <>
                <span className="block">{formatCredits(price.millicredits)} cr</span>
                <span className="block text-xs text-muted-foreground">
                  {price.markupSource === "free"
                    ? sourceLabel.free
                    : `${formatBps(price.markupBps)} ${sourceLabel[price.markupSource]}`}
                </span>
              </>
            );
          },
        })),
      ]}
    />
  );
}
