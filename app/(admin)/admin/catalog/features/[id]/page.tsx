// GET /admin/catalog/features/[id] — edit one feature (which tiers have it is set in the matrix).
import { db } from "@/lib/db";
import { CatalogSection } from "../../_components/catalog-section";
import { updateFeatureAction } from "../actions";
import { FeatureForm } from "../feature-form";
import { adminRecord, type RecordProps } from "../../../../_components/admin-record";

const record = adminRecord("Feature", (id) => db.feature.findUnique({ where: { id } }), "name");

export const generateMetadata = record.metadata;

export default async function EditFeaturePage(props: RecordProps) {
  const feature = await record.load(props);
  return (
    <CatalogSection
      className="max-w-3xl"
      back={{ href: "/admin/catalog/features", label: "All features" }}
      title={feature.name}
    >
      <FeatureForm
        feature={{
          id: feature.id,
          key: feature.key,
          name: feature.name,
          description: feature.description,
          category: feature.category,
          kind: feature.kind,
          unit: feature.unit ?? "",
          sortOrder: String(feature.sortOrder),
        }}
        action={updateFeatureAction}
        submitLabel="Save feature"
      />
      <p className="text-sm text-muted-foreground">
        Switching a limit to yes/no drops the limits every tier had for it.
      </p>
    </CatalogSection>
  );
}
