// GET /admin/catalog/markups — the global default, each tier's markup, and what a call costs per tier.
import type { Metadata } from "next";
import { linkColumn } from "@/components/admin/link-column";
import { listAppsWithModels } from "@/lib/catalog/models";
import { formatBps } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { listTiers } from "@/lib/catalog/tiers";
import { DataTable } from "@/components/ui/data-table";
import { FormCard } from "@/components/admin/form-card";
import { CatalogSection } from "../_components/catalog-section";
import { bpsToInput } from "../_lib/form-values";
import { DefaultMarkupForm } from "./default-markup-form";
import { PricePreview } from "./price-preview";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Markups" };

type Tier = Awaited<ReturnType<typeof listTiers>>[number];

export default async function MarkupsPage() {
  await requireAdmin();
  const [settings, tiers, apps] = await Promise.all([getSettings(), listTiers(), listAppsWithModels()]);
  const models = apps.flatMap((app) => app.models).filter((m) => m.enabled);

  return (
    <>
      <FormCard
        title="Global default markup"
        description="A call costs the provider's price plus a markup: the model's override if it has one, else the tier's markup, else this default. Free models and calls with the customer's own provider key carry none."
      >
        <DefaultMarkupForm percent={bpsToInput(settings.defaultMarkupBps)} />
      </FormCard>

      <CatalogSection
        title="Tier markups"
        description="Change a tier's markup in its tier form; a model's override in its model form."
      >
        <DataTable<Tier>
          label="Tier markups"
          minWidth="24rem"
          rows={tiers}
          rowKey={(tier) => tier.id}
          columns={[
            linkColumn(
              "Tier",
              (tier) => `/admin/catalog/tiers/${tier.id}`,
              (tier) => tier.name,
            ),
            {
              header: "Markup",
              kind: "numeric",
              cell: (tier) => formatBps(tier.markupBps ?? settings.defaultMarkupBps),
            },
            {
              header: "Comes from",
              className: "text-muted-foreground",
              cell: (tier) => (tier.markupBps === null ? "Global default" : "The tier"),
            },
          ]}
        />
      </CatalogSection>

      <CatalogSection
        title="Price preview"
        description="What one unit of each enabled model costs on each tier (token models: 1K input + 1K output tokens), with the markup that applies. “—” means the tier has no access."
      >
        <PricePreview models={models} tiers={tiers} defaultMarkupBps={settings.defaultMarkupBps} />
      </CatalogSection>
    </>
  );
}
