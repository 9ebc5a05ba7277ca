// GET /admin/catalog/models — apps, their models and prices, and which tier may use which model.
import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { linkClass } from "@/components/admin/detail-list";
import { listAppsWithModels } from "@/lib/catalog/models";
import { requiredTier } from "@/lib/catalog/required-tier";
import { listTiers } from "@/lib/catalog/tiers";
import { EmptyState } from "@/components/ui/empty-state";
import { FormCard } from "@/components/admin/form-card";
import { CatalogSection } from "../_components/catalog-section";
import { AccessMatrix } from "./access-matrix";
import { createAppAction } from "./actions";
import { AppForm, emptyApp } from "./app-form";
import { AppTable } from "./app-table";
import { ModelTable } from "./model-table";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  await requireAdmin();
  const [apps, tiers] = await Promise.all([listAppsWithModels(), listTiers({ includeArchived: true })]);
  const active = tiers.filter((t) => !t.archivedAt);
  const archived = new Set(tiers.filter((t) => t.archivedAt).map((t) => t.id));
  const withRequired = apps.map((app) => ({
    ...app,
    models: app.models.map((m) => ({
      ...m,
      requiredTier:
        requiredTier(
          m.tiers.map((t) => t.tierId),
          tiers,
        )?.name ?? null,
    })),
  }));
  const pairs = apps.flatMap((app) =>
    app.models.flatMap((m) => m.tiers.map((t) => ({ tierId: t.tierId, pair: `${t.tierId}:${m.id}` }))),
  );
  const modelCount = apps.reduce((n, app) => n + app.models.length, 0);

  return (
    <>
      <CatalogSection title="Apps" description="Each of the company's products; a model's key is app:model.">
        <AppTable
          apps={apps.map((a) => ({
            id: a.id,
            key: a.key,
            name: a.name,
            description: a.description,
            modelCount: a.models.length,
          }))}
        />
        <FormCard title="New app" description="Then add its models.">
          <AppForm app={emptyApp} action={createAppAction} submitLabel="Add app" />
        </FormCard>
      </CatalogSection>

      <CatalogSection
        title="Models"
        description="Provider costs in micro-dollars (1,000,000 µ$ = $1). The required tier is the lowest public tier with access."
        actions={
          apps.length ? (
            <Button asChild>
              <Link href="/admin/catalog/models/new">
                <Plus aria-hidden /> New model
              </Link>
            </Button>
          ) : null
        }
      >
        {withRequired.map((app) => (
          <div key={app.id} className="grid min-w-0 gap-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold">{app.name}</h3>
              <Link href={`/admin/catalog/models/new?app=${app.id}`} className={linkClass}>
                Add a model to {app.name}
              </Link>
            </div>
            {app.models.length ? (
              <ModelTable appName={app.name} models={app.models} />
            ) : (
              <p className="text-sm text-muted-foreground">No models yet.</p>
            )}
          </div>
        ))}
      </CatalogSection>

      <CatalogSection
        title="Tier × model access"
        description="Tick the models each tier may call. Saving replaces the whole table. Archived tiers are not shown and keep their access."
      >
        {modelCount === 0 || active.length === 0 ? (
          <EmptyState
            title="Nothing to match yet"
            description="The matrix needs at least one active tier and one model."
          />
        ) : (
          <AccessMatrix
            tiers={active.map((t) => ({ id: t.id, name: t.name }))}
            groups={withRequired
              .filter((a) => a.models.length)
              .map((a) => ({
                id: a.id,
                name: a.name,
                models: a.models.map((m) => ({
                  id: m.id,
                  key: m.key,
                  name: m.name,
                  requiredTier: m.requiredTier,
                })),
              }))}
            saved={pairs.filter((p) => !archived.has(p.tierId)).map((p) => p.pair)}
            hidden={pairs.filter((p) => archived.has(p.tierId)).map((p) => p.pair)}
          />
        )}
      </CatalogSection>
    </>
  );
}
