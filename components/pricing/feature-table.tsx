import { Check, Minus } from "lucide-react";
import { formatBps, formatCredits } from "@/lib/catalog/money";
import type { PublicCatalog, PublicTier } from "@/lib/catalog/public";
import { formatCount } from "@/lib/utils/format";
import { Table } from "@/components/ui/table";

type Row = { key: string; name: string; cell: (tier: PublicTier) => string | boolean };
type Group = { category: string; rows: Row[] };

const cellClass = "px-4 py-3 text-center";

function groups({
  features,
  defaultMarkupBps,
}: Pick<PublicCatalog, "features" | "defaultMarkupBps">): Group[] {
  const usage: Group = {
    category: "Usage",
    rows: [
      {
        key: "credits",
        name: "Credits included per month",
        cell: (t) => formatCredits(BigInt(t.includedMillicredits)),
      },
      { key: "quota", name: "Daily quota (units)", cell: (t) => formatCount(t.dailyQuotaUnits) },
      { key: "rate", name: "Requests per minute", cell: (t) => formatCount(t.rateLimitPerMinute) },
      {
        key: "markup",
        name: "Markup on provider cost",
        cell: (t) => formatBps(t.markupBps ?? defaultMarkupBps),
      },
    ],
  };
  const byCategory = new Map<string, Row[]>();
  for (const f of features) {
    const row: Row = {
      key: f.key,
      name: f.name,
      cell: (t) => {
        const has = t.features[f.key];
        if (!has) return false;
        if (f.kind === "boolean") return true;
        return has.limitValue === null ? "Unlimited" : formatCount(has.limitValue);
      },
    };
    byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), row]);
  }
  return [usage, ...[...byCategory].map(([category, rows]) => ({ category, rows }))];
}

function Cell({ value }: { value: string | boolean }) {
  if (value === true) {
    return (
      <>
        <Check className="mx-auto size-4 text-primary" aria-hidden />
        <span className="sr-only">Included</span>
      </>
    );
  }
  if (value === false) {
    return (
      <>
        <Minus className="mx-auto size-4 text-muted-foreground" aria-hidden />
        <span className="sr-only">Not included</span>
      </>
    );
  }
  return <span className="font-medium tabular-nums">{value}</span>;
}

export function FeatureTable(catalog: Pick<PublicCatalog, "tiers" | "features" | "defaultMarkupBps">) {
  const { tiers } = catalog;
  return (
    <Table label="Feature comparison" layout="scroll" minWidth="36rem">
      <thead>
        <tr className="border-b">
          <th scope="col" className="px-4 py-3 text-left font-semibold">
            Feature
          </th>
          {tiers.map((t) => (
            <th key={t.code} scope="col" className={`${cellClass} font-semibold`}>
              {t.name}
            </th>
          ))}
        </tr>
      </thead>
      {groups(catalog).map((group) => (
        <tbody key={group.category}>
          <tr className="border-b bg-muted/60">
            <th
              scope="rowgroup"
              colSpan={tiers.length + 1}
              className="px-4 py-2 text-left text-xs font-semibold tracking-wide uppercase"
            >
              {group.category}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.key} className="border-b last:border-0">
              <th scope="row" className="px-4 py-3 text-left font-normal">
                {row.name}
              </th>
              {tiers.map((t) => (
                <td key={t.code} className={cellClass}>
                  <Cell value={row.cell(t)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </Table>
  );
}
