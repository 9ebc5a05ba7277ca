// GET /admin/catalog/features/[id] — edit one feature (which tiers have it is set in the matrix).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { CatalogSection } from "../../_components/catalog-section";
import { updateFeatureAction } from "../actions";
import { FeatureForm } from "../feature-form";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }> };

const getFeature = cache((id: string) => db.feature.findUnique({ where: { id } }));

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const feature = await getFeature((await props.params).id);
  return { title: feature ? `Feature: ${feature.name}` : "Feature not found" };
}

export default async function EditFeaturePage(props: Props) {
  await requireAdmin();
  const feature = await getFeature((await props.params).id);
  if (!feature) notFound();
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
