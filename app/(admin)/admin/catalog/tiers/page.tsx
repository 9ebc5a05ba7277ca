// GET /admin/catalog/tiers — every plan, archived ones included, in rank order.
import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatBps, formatCents, formatCredits } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { listTiers } from "@/lib/catalog/tiers";
import { formatCount } from "@/lib/utils/format";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { YesNo } from "../_components/yes-no";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Tiers" };

export default async function TiersPage() {
  await requireAdmin();
  const [tiers, settings] = await Promise.all([listTiers({ includeArchived: true }), getSettings()]);

  return (
    <section className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">Tiers</h2>
          <p className="text-sm text-muted-foreground">
            Plans in rank order. A blank markup uses the global default (
            {formatBps(settings.defaultMarkupBps)}).
          </p>
        </div>
        <Button asChild>
          <Link href="/admin/catalog/tiers/new">
            <Plus aria-hidden /> New tier
          </Link>
        </Button>
      </div>

      {tiers.length === 0 ? (
        <EmptyState title="No tiers yet">
          <p>
            Create the first plan; the free tier (code &ldquo;free&rdquo;) is the default for every workspace.
          </p>
        </EmptyState>
      ) : (
        <DataTable label="Tiers">
          <thead>
            <tr>
              <Th>Tier</Th>
              <Th className="text-right">Monthly</Th>
              <Th className="text-right">Annual</Th>
              <Th className="text-right">Included credits</Th>
              <Th className="text-right">Daily quota</Th>
              <Th className="text-right">Rate limit / min</Th>
              <Th className="text-right">Markup</Th>
              <Th className="text-right">Rank</Th>
              <Th>Public</Th>
              <Th>Most popular</Th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier.id} className={tier.archivedAt ? "text-muted-foreground" : undefined}>
                <Th scope="row" className="border-b bg-transparent font-normal text-foreground">
                  <div className="grid gap-1">
                    <span className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/admin/catalog/tiers/${tier.id}`}
                        className="font-medium text-primary underline-offset-4 hover:underline"
                      >
                        {tier.name}
                      </Link>
                      {tier.archivedAt ? <Badge variant="outline">Archived</Badge> : null}
                    </span>
                    <span className="font-mono text-xs text-muted-foreground">{tier.code}</span>
                  </div>
                </Th>
                <Td className="text-right tabular-nums">
                  {formatCents(tier.monthlyPriceCents, tier.currency)}
                </Td>
                <Td className="text-right tabular-nums">
                  {formatCents(tier.annualPriceCents, tier.currency)}
                </Td>
                <Td className="text-right tabular-nums">{formatCredits(tier.includedMillicredits)}</Td>
                <Td className="text-right tabular-nums">{formatCount(tier.dailyQuotaUnits)}</Td>
                <Td className="text-right tabular-nums">{formatCount(tier.rateLimitPerMinute)}</Td>
                <Td className="text-right tabular-nums">
                  {tier.markupBps === null ? (
                    <span className="text-muted-foreground">Default</span>
                  ) : (
                    formatBps(tier.markupBps)
                  )}
                </Td>
                <Td className="text-right tabular-nums">{tier.rank}</Td>
                <Td>
                  <YesNo value={tier.isPublic} />
                </Td>
                <Td>
                  <YesNo value={tier.mostPopular} />
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
