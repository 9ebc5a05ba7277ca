// GET /admin/catalog/tiers — every plan, archived ones included, in rank order.
import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatBps, formatCents, formatCredits } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { listTiers } from "@/lib/catalog/tiers";
import { formatCount } from "@/lib/utils/format";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { CatalogSection, NameKey } from "../_components/catalog-section";
import { YesNo } from "../_components/yes-no";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Tiers" };

type Tier = Awaited<ReturnType<typeof listTiers>>[number];

export default async function TiersPage() {
  await requireAdmin();
  const [tiers, settings] = await Promise.all([listTiers({ includeArchived: true }), getSettings()]);

  return (
    <CatalogSection
      title="Tiers"
      description={`Plans in rank order (ranks are unique). A blank markup uses the global default (${formatBps(settings.defaultMarkupBps)}). A public tier without models is a draft: not on the pricing page, not purchasable.${tiers.some((t) => t.mostPopular && !t.archivedAt) ? "" : " No tier is marked Most popular."}`}
      actions={
        <Button asChild>
          <Link href="/admin/catalog/tiers/new">
            <Plus aria-hidden /> New tier
          </Link>
        </Button>
      }
    >
      <DataTable<Tier>
        label="Tiers"
        minWidth="60rem"
        rows={tiers}
        rowKey={(tier) => tier.id}
        rowClassName={(tier) => (tier.archivedAt ? "text-muted-foreground" : undefined)}
        empty={
          <EmptyState
            title="No tiers yet"
            description="Create the first plan; the free tier (code “free”) is the default for every workspace."
          />
        }
        columns={[
          {
            header: "Tier",
            kind: "primary",
            cell: (tier) => (
              <NameKey
                code={tier.code}
                name={
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/catalog/tiers/${tier.id}`} className={linkClass}>
                      {tier.name}
                    </Link>
                    {tier.archivedAt ? <StatusBadge status="archived" /> : null}
                    {!tier.archivedAt && tier.isPublic && tier._count.models === 0 ? (
                      <StatusBadge status="draft" />
                    ) : null}
                  </span>
                }
              />
            ),
          },
          { header: "Monthly", kind: "money", cell: (t) => formatCents(t.monthlyPriceCents, t.currency) },
          { header: "Annual", kind: "money", cell: (t) => formatCents(t.annualPriceCents, t.currency) },
          { header: "Included credits", kind: "money", cell: (t) => formatCredits(t.includedMillicredits) },
          { header: "Daily quota", kind: "numeric", cell: (t) => formatCount(t.dailyQuotaUnits) },
          { header: "Rate limit / min", kind: "numeric", cell: (t) => formatCount(t.rateLimitPerMinute) },
          {
            header: "Markup",
            kind: "numeric",
            cell: (t) =>
              t.markupBps === null ? (
                <span className="text-muted-foreground">Default</span>
              ) : (
                formatBps(t.markupBps)
              ),
          },
          { header: "Rank", kind: "numeric", cell: (t) => t.rank },
          { header: "Public", cell: (t) => <YesNo value={t.isPublic} /> },
          { header: "Most popular", cell: (t) => <YesNo value={t.mostPopular} /> },
        ]}
      />
    </CatalogSection>
  );
}
