import { Badge } from "@/components/ui/badge";
import type { Option } from "@/lib/catalog/calculator";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { PublicCatalog } from "@/lib/catalog/public";
import { neededTier } from "./billing";
import { ScrollRegion } from "./section";

const th = "px-4 py-3 text-left font-semibold";
const td = "px-4 py-3 text-right tabular-nums";

export function CalculatorResults({
  options,
  tiers,
  requiredTier,
  currency,
}: {
  options: Option[];
  tiers: PublicCatalog["tiers"];
  requiredTier: (modelKey: string) => string | null;
  currency: string;
}) {
  const money = (cents: number) => formatCents(cents, currency);
  return (
    <ScrollRegion label="Estimated monthly cost by plan">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">Estimated monthly cost of each way to pay</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className={th}>
              Option
            </th>
            <th scope="col" className={`${th} text-right`}>
              Plan price
            </th>
            <th scope="col" className={`${th} text-right`}>
              Credits needed
            </th>
            <th scope="col" className={`${th} text-right`}>
              Credits to buy
            </th>
            <th scope="col" className={`${th} text-right`}>
              Monthly total
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((o) => (
            <tr
              key={o.code}
              data-testid={`option-${o.code}`}
              className={o.cheapest ? "border-b bg-secondary/60 last:border-0" : "border-b last:border-0"}
            >
              <th
                scope="row"
                className="px-4 py-3 text-left font-medium"
                data-testid={o.cheapest ? "cheapest-option" : undefined}
              >
                <span className="flex flex-wrap items-center gap-2">
                  {o.name} {o.cheapest ? <Badge>Cheapest</Badge> : null}
                </span>
              </th>
              <td className={td}>{money(o.planCents)}</td>
              {o.available ? (
                <>
                  <td className={td}>{formatCredits(o.usageMillicredits)}</td>
                  <td className={td}>{formatCredits(o.boughtMillicredits)}</td>
                  <td className={`${td} font-semibold`}>{money(o.totalCents)}</td>
                </>
              ) : (
                <td colSpan={3} className="px-4 py-3 text-right text-muted-foreground">
                  Not available: needs{" "}
                  {neededTier(tiers, o.missingModels.map(requiredTier)) ?? "a plan with these models"}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
