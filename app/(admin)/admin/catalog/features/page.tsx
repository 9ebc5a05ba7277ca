// GET /admin/catalog/features — entitlements, and which tier has which (the matrix).
import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listFeatures } from "@/lib/catalog/features";
import { listTiers } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import { EmptyState } from "@/components/ui/data-table";
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
      <section className="grid gap-4">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">Features</h2>
          <p className="text-sm text-muted-foreground">
            Entitlements apps check with the API: yes/no, or a numeric limit such as seats.
          </p>
        </div>
        {features.length === 0 ? (
          <EmptyState title="No features yet">
            <p>Add one below, then tick it for tiers in the matrix.</p>
          </EmptyState>
        ) : (
          <FeatureTable features={features.map((f) => ({ ...f, tierCount: tierCount.get(f.id) ?? 0 }))} />
        )}
      </section>

      <Card>
        <CardHeader>
          <CardTitle>New feature</CardTitle>
          <CardDescription>It starts in no tier; tick it in the matrix below.</CardDescription>
        </CardHeader>
        <CardContent>
          <FeatureForm feature={emptyFeature} action={createFeatureAction} submitLabel="Add feature" />
        </CardContent>
      </Card>

      <section className="grid gap-4">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">Tier × feature matrix</h2>
          <p className="text-sm text-muted-foreground">
            Tick what each tier includes; for limits, type the number or leave it blank for unlimited. Saving
            replaces the whole matrix. Archived tiers are not shown and keep what they have.
          </p>
        </div>
        {features.length === 0 || archived.size === tiers.length ? (
          <EmptyState title="Nothing to match yet">
            <p>The matrix needs at least one active tier and one feature.</p>
          </EmptyState>
        ) : (
          <FeatureMatrix
            tiers={tiers.filter((t) => !t.archivedAt).map((t) => ({ id: t.id, name: t.name }))}
            features={features.map((f) => ({ id: f.id, name: f.name, kind: f.kind, unit: f.unit }))}
            saved={saved}
            hidden={hidden}
          />
        )}
      </section>
    </>
  );
}
