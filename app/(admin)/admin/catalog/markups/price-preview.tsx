import Link from "next/link";
import { formatBps, formatCredits } from "@/lib/catalog/money";
import { priceCall, type MarkupSource } from "@/lib/catalog/pricing";
import type { Model, Tier, TierModel } from "@/lib/db";
import { DataTable, Td, Th } from "@/components/ui/data-table";

type Props = { models: (Model & { tiers: TierModel[] })[]; tiers: Tier[]; defaultMarkupBps: number };

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
  if (models.length === 0) return <p className="text-sm text-muted-foreground">No enabled models.</p>;
  return (
    <DataTable label="Price preview">
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Priced unit</Th>
          <Th className="text-right">Override</Th>
          {tiers.map((tier) => (
            <Th key={tier.id} className="text-right">
              {tier.name}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {models.map((model) => {
          const access = new Set(model.tiers.map((t) => t.tierId));
          const usage = model.unit === "token" ? { inputTokens: 1000, outputTokens: 1000 } : { quantity: 1 };
          return (
            <tr key={model.id}>
              <Th scope="row" className="border-b bg-transparent font-normal text-foreground">
                <Link
                  href={`/admin/catalog/models/${model.id}`}
                  className="rounded-sm font-mono text-xs font-medium text-primary underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  {model.key}
                </Link>
              </Th>
              <Td className="whitespace-nowrap">{unitLabel(model)}</Td>
              <Td className="text-right tabular-nums">
                {model.free ? (
                  "Free"
                ) : model.markupOverrideBps === null ? (
                  <span className="text-muted-foreground">—</span>
                ) : (
                  formatBps(model.markupOverrideBps)
                )}
              </Td>
              {tiers.map((tier) => {
                if (!access.has(tier.id)) {
                  return (
                    <Td key={tier.id} className="text-right text-muted-foreground">
                      —
                    </Td>
                  );
                }
                const price = priceCall({ model, usage, tierMarkupBps: tier.markupBps, defaultMarkupBps });
                return (
                  <Td key={tier.id} className="text-right whitespace-nowrap tabular-nums">
                    <span className="block">{formatCredits(price.millicredits)} cr</span>
                    <span className="block text-xs text-muted-foreground">
                      {price.markupSource === "free"
                        ? sourceLabel.free
                        : `${formatBps(price.markupBps)} ${sourceLabel[price.markupSource]}`}
                    </span>
                  </Td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
