// GET /admin/catalog/features — entitlements, and which tier has which (the matrix).
import type { Metadata } from "next";
import { listFeatures } from "@/lib/catalog/features";
import { listTiers } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import { EmptyState } from "@/components/ui/empty-state";
import { FormCard } from "@/components/admin/form-card";
import { CatalogSection } from "../_components/catalog-section";
import { createFeatureAction } from "./actions";
import { FeatureForm, emptyFeature } from "./feature-form";
import { FeatureMatrix } from "./feature-matrix";
import { FeatureTable } from "./feature-table";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Features" };

export default async function FeaturesPage() {
  await requireAdmin();
  const [features, tiers, cells] = await Promise.all([
    listFeatures(),
    listTiers({ includeArchived: true }),
    db.tierFeature.findMany(),
  ]);
  const archived = new Set(tiers.filter((t) => t.archivedAt).map((t) => t.id));
  const limitText = (v: number | null) => (v === null ? "" : String(v));
  const saved = Object.fromEntries(
    cells
      .filter((c) => !archived.has(c.tierId))
      .map((c) => [`${c.tierId}:${c.featureId}`, limitText(c.limitValue)]),
  );
  const hidden = cells
    .filter((c) => archived.has(c.tierId))
    .map((c) => ({ tierId: c.tierId, featureId: c.featureId, limit: limitText(c.limitValue) }));
  const tierCount = new Map<string, number>();
  for (const c of cells)
    if (!archived.has(c.tierId)) tierCount.set(c.featureId, (tierCount.get(c.featureId) ?? 0) + 1);

  return (
    <>
      <CatalogSection
        title="Features"
        description="Entitlements apps check with the API: yes/no, or a numeric limit such as seats."
      >
        <FeatureTable features={features.map((f) => ({ ...f, tierCount: tierCount.get(f.id) ?? 0 }))} />
      </CatalogSection>

      <FormCard title="New feature" description="It starts in no tier; tick it in the matrix below.">
        <FeatureForm feature={emptyFeature} action={createFeatureAction} submitLabel="Add feature" />
      </FormCard>

      <CatalogSection
        title="Tier × feature matrix"
        description="Tick what each tier includes; for limits, type the number or leave it blank for unlimited. Saving replaces the whole matrix. Archived tiers are not shown and keep what they have."
      >
        {features.length === 0 || archived.size === tiers.length ? (
          <EmptyState
            title="Nothing to match yet"
            description="The matrix needs at least one active tier and one feature."
          />
        ) : (
          <FeatureMatrix
            tiers={tiers.filter((t) => !t.archivedAt).map((t) => ({ id: t.id, name: t.name }))}
            features={features.map((f) => ({ id: f.id, name: f.name, kind: f.kind, unit: f.unit }))}
            saved={saved}
            hidden={hidden}
          />
        )}
      </CatalogSection>
    </>
  );
}
