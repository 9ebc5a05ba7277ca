// GET /admin/catalog/tiers/new — define a new plan.
import type { Metadata } from "next";
import { listTiers, tierGuard } from "@/lib/catalog/tiers";
import { formatBps } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { CatalogSection } from "../../_components/catalog-section";
import { createTierAction } from "../actions";
import { TierForm } from "../tier-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New tier" };

export default async function NewTierPage() {
  await requireAdmin();
  const [tiers, settings, guard] = await Promise.all([
    listTiers({ includeArchived: true }),
    getSettings(),
    tierGuard(null),
  ]);
  const nextRank = tiers.reduce((max, t) => Math.max(max, t.rank), -1) + 1;
  return (
    <CatalogSection
      className="max-w-3xl"
      back={{ href: "/admin/catalog/tiers", label: "All tiers" }}
      title="New tier"
    >
      <TierForm
        tier={{
          code: "",
          name: "",
          description: "",
          monthlyPrice: "0",
          annualPrice: "0",
          includedCredits: "0",
          dailyQuotaUnits: "0",
          rateLimitPerMinute: "60",
          markupPercent: "",
          rank: String(nextRank),
          isPublic: true,
          mostPopular: false,
        }}
        guard={guard}
        defaultMarkup={formatBps(settings.defaultMarkupBps)}
        action={createTierAction}
        submitLabel="Create tier"
      />
    </CatalogSection>
  );
}
