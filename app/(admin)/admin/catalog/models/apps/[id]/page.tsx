// GET /admin/catalog/models/apps/[id] — rename or describe an app.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { BackLink } from "../../../_components/back-link";
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
    <section className="grid max-w-3xl gap-4">
      <BackLink href="/admin/catalog/models">All apps and models</BackLink>
      <h2 className="text-xl font-semibold tracking-tight">{app.name}</h2>
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
    </section>
  );
}
