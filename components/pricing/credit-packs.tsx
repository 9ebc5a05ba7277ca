import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { startPath } from "@/lib/payments/plan-choice";
import { numberFormat } from "@/lib/utils/format";
import type { PublicCatalog } from "@/lib/catalog/public";
import { centsPerThousandCredits } from "./billing";

// Always two decimals, so packs compare at a glance ("$1.00" beside "$0.95").
const perThousand = (cents: number, currency: string) =>
  numberFormat({
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);

export function CreditPacks({ packs }: Pick<PublicCatalog, "packs">) {
  if (packs.length === 0)
    return <p className="text-muted-foreground">Credit packs are not on sale right now.</p>;
  return (
    <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
      {packs.map((pack) => {
        const credits = BigInt(pack.millicredits);
        const bonus = BigInt(pack.bonusMillicredits);
        return (
          <li key={pack.code} data-testid={`pack-${pack.code}`} className="min-w-0">
            <Card className="flex h-full flex-col p-6">
              <h3 className="text-lg leading-tight font-semibold">{pack.name}</h3>
              <p className="mt-3 text-sm text-muted-foreground">
                <span className="font-semibold text-foreground tabular-nums">{formatCredits(credits)}</span>{" "}
                credits
              </p>
              {bonus > 0n ? (
                <Badge variant="secondary" className="mt-2 self-start">
                  +{formatCredits(bonus)} bonus credits
                </Badge>
              ) : null}
              <p className="mt-4 text-3xl font-bold tracking-tight">
                {formatCents(pack.priceCents, pack.currency)}
              </p>
              <p className="mt-1 text-sm text-muted-foreground">
                {perThousand(centsPerThousandCredits(pack.priceCents, credits + bonus), pack.currency)} per
                1,000 credits
                {bonus > 0n ? ", bonus included" : ""}
              </p>
              <div className="mt-auto pt-6">
                <Button asChild variant="outline" className="w-full">
                  <a href={startPath({ kind: "pack", pack: pack.code })}>Buy {pack.name}</a>
                </Button>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
