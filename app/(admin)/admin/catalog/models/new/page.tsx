// GET /admin/catalog/models/new — add a model to an app (?app=<id> preselects the app).
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { EmptyState } from "@/components/ui/empty-state";
import { CatalogSection } from "../../_components/catalog-section";
import { createModelAction } from "../actions";
import { ModelForm } from "../model-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New model" };

export default async function NewModelPage(props: { searchParams: Promise<{ app?: string }> }) {
  await requireAdmin();
  const { app } = await props.searchParams;
  const apps = await db.app.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, key: true },
  });
  const appId = apps.find((a) => a.id === app)?.id ?? (apps.length === 1 ? apps[0].id : "");

  return (
    <CatalogSection
      className="max-w-3xl"
      back={{ href: "/admin/catalog/models", label: "All apps and models" }}
      title="New model"
    >
      {apps.length === 0 ? (
        <EmptyState
          title="Add an app first"
          description="Every model belongs to an app; its key is app:slug."
        />
      ) : (
        <ModelForm
          model={{
            appId,
            slug: "",
            name: "",
            description: "",
            provider: "",
            unit: "request",
            costPerUnitMicros: "0",
            inputCostPer1kMicros: "0",
            outputCostPer1kMicros: "0",
            quotaWeight: "1",
            markupOverridePercent: "",
            sortOrder: "0",
            enabled: true,
            free: false,
            beta: false,
          }}
          apps={apps}
          action={createModelAction}
          submitLabel="Create model"
        />
      )}
      <p className="text-sm text-muted-foreground">
        A new model is in no tier yet: give tiers access in the access matrix.
      </p>
    </CatalogSection>
  );
}
