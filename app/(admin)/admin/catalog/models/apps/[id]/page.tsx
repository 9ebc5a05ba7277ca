// GET /admin/catalog/models/apps/[id] — rename or describe an app.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { CatalogSection } from "../../../_components/catalog-section";
import { updateAppAction } from "../../actions";
import { AppForm } from "../../app-form";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }> };

const getApp = cache((id: string) => db.app.findUnique({ where: { id } }));

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const app = await getApp((await props.params).id);
  return { title: app ? `App: ${app.name}` : "App not found" };
}

export default async function EditAppPage(props: Props) {
  await requireAdmin();
  const app = await getApp((await props.params).id);
  if (!app) notFound();
  return (
    <CatalogSection
      className="max-w-3xl"
      back={{ href: "/admin/catalog/models", label: "All apps and models" }}
      title={app.name}
    >
      <AppForm
        app={{
          id: app.id,
          key: app.key,
          name: app.name,
          description: app.description,
          sortOrder: String(app.sortOrder),
        }}
        action={updateAppAction}
        submitLabel="Save app"
      />
    </CatalogSection>
  );
}
