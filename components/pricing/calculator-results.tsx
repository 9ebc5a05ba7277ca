import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Option } from "@/lib/catalog/calculator";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { PublicCatalog } from "@/lib/catalog/public";
import { neededTier } from "./billing";

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
    <Table label="Estimated monthly cost by plan">
      <TableHeader>
        <TableRow>
          <TableHead>Option</TableHead>
          <TableHead money>Plan price</TableHead>
          <TableHead money>Credits needed</TableHead>
          <TableHead money>Credits to buy</TableHead>
          <TableHead money>Monthly total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {options.map((o) => (
          <TableRow
            key={o.code}
            data-testid={`option-${o.code}`}
            className={o.cheapest ? "bg-secondary/60" : undefined}
          >
            <TableHead
              scope="row"
              className="bg-transparent font-medium whitespace-normal text-foreground"
              data-testid={o.cheapest ? "cheapest-option" : undefined}
            >
              <span className="flex flex-wrap items-center gap-2">
                {o.name} {o.cheapest ? <Badge>Cheapest</Badge> : null}
              </span>
            </TableHead>
            <TableCell money label="Plan price">
              {money(o.planCents)}
            </TableCell>
            {o.available ? (
              <>
                <TableCell money label="Credits needed">
                  {formatCredits(o.usageMillicredits)}
                </TableCell>
                <TableCell money label="Credits to buy">
                  {formatCredits(o.boughtMillicredits)}
                </TableCell>
                <TableCell money label="Monthly total" className="font-semibold">
                  {money(o.totalCents)}
                </TableCell>
              </>
            ) : (
              <TableCell colSpan={3} className="text-right text-muted-foreground">
                Not available: needs{" "}
                {neededTier(tiers, o.missingModels.map(requiredTier)) ?? "a plan with these models"}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
