// GET /admin/catalog/models/[id] — edit a model's pricing and availability, or delete it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { db } from "@/lib/db";
import { FormCard } from "@/components/admin/form-card";
import { CatalogSection } from "../../_components/catalog-section";
import { deleteModelAction, updateModelAction } from "../actions";
import { ModelForm } from "../model-form";
import { modelToForm } from "../to-form";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

const getModel = cache((id: string) => db.model.findUnique({ where: { id } }));

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const model = await getModel((await props.params).id);
  return { title: model ? `Model: ${model.key}` : "Model not found" };
}

export default async function EditModelPage(props: Props) {
  await requireAdmin();
  const [{ id }, { created }] = await Promise.all([props.params, props.searchParams]);
  const [model, apps] = await Promise.all([
    getModel(id),
    db.app.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, key: true },
    }),
  ]);
  if (!model) notFound();

  return (
    <div className="grid max-w-3xl gap-6">
      <CatalogSection
        back={{ href: "/admin/catalog/models", label: "All apps and models" }}
        title={model.name}
        description={
          <span className="font-mono">
            {model.key} · price version {model.priceVersion}
          </span>
        }
      >
        <ModelForm
          model={modelToForm(model)}
          apps={apps}
          action={updateModelAction}
          submitLabel="Save model"
          notice={created ? `${model.key} created.` : undefined}
        />
      </CatalogSection>

      <FormCard
        title="Delete this model"
        description="To stop selling it but keep its history readable, untick Enabled instead."
      >
        <ConfirmButton
          triggerSize="sm"
          trigger="Delete model"
          title={`Delete ${model.key}?`}
          description="Every tier loses access and apps calling it get model_not_found. This can't be undone."
          confirmLabel="Delete model"
          pendingLabel="Deleting…"
          action={deleteModelAction}
          fields={{ id: model.id }}
        />
      </FormCard>
    </div>
  );
}
