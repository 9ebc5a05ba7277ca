// GET /admin/catalog/features/[id] — edit one feature (which tiers have it is set in the matrix).
import { featureKeyLock } from "@/lib/catalog/key-locks";
import { db } from "@/lib/db";
import { catalogEditPage } from "../../_components/edit-page";
import { updateFeatureAction } from "../actions";
import { FeatureForm } from "../feature-form";

const page = catalogEditPage(
  "Feature",
  async (id) => {
    const feature = await db.feature.findUnique({ where: { id } });
    return feature && { ...feature, keyLock: await featureKeyLock(db, id) };
  },
  { href: "/admin/catalog/features", label: "All features" },
  (feature) => (
    <>
      <FeatureForm
        feature={{
          ...feature,
          unit: feature.unit ?? "",
          sortOrder: String(feature.sortOrder),
        }}
        action={updateFeatureAction}
        submitLabel="Save feature"
      />
      <p className="text-sm text-muted-foreground">
        Switching a limit to yes/no drops the limits every tier had for it.
      </p>
    </>
  ),
);

export const generateMetadata = page.generateMetadata;
export default page.Page;
