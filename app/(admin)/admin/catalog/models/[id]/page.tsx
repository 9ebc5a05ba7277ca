// GET /admin/catalog/models/[id] — edit a model's pricing and availability, or delete it.
import { ConfirmButton } from "@/components/ui/confirm-button";
import { modelKeyLock } from "@/lib/catalog/key-locks";
import { db } from "@/lib/db";
import { FormCard } from "@/components/admin/form-card";
import { CatalogSection } from "../../_components/catalog-section";
import { deleteModelAction, updateModelAction } from "../actions";
import { ModelForm } from "../model-form";
import { modelToForm } from "../to-form";
import { adminRecord } from "../../../../_components/admin-record";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

const record = adminRecord("Model", (id) => db.model.findUnique({ where: { id } }), "key");

export const generateMetadata = record.metadata;

export default async function EditModelPage(props: Props) {
  const model = await record.load(props);
  const [{ created }, apps] = await Promise.all([
    props.searchParams,
    db.app.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, key: true },
    }),
  ]);

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
          keyLock={await modelKeyLock(db, model.id)}
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
