// GET /admin/catalog/models/[id] — edit a model's pricing and availability, or delete it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActionDialog } from "@/components/admin/action-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db";
import { BackLink } from "../../_components/back-link";
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
      <BackLink href="/admin/catalog/models">All apps and models</BackLink>
      <section className="grid gap-4">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">{model.name}</h2>
          <p className="font-mono text-sm text-muted-foreground">
            {model.key} · price version {model.priceVersion}
          </p>
        </div>
        <ModelForm
          model={modelToForm(model)}
          apps={apps}
          action={updateModelAction}
          submitLabel="Save model"
          notice={created ? `${model.key} created.` : undefined}
        />
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Delete this model</CardTitle>
          <CardDescription>
            To stop selling it but keep its history readable, untick Enabled instead.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ActionDialog
            triggerSize="sm"
            trigger="Delete model"
            title={`Delete ${model.key}?`}
            description="Every tier loses access and apps calling it get model_not_found. This can't be undone."
            confirmLabel="Delete model"
            pendingLabel="Deleting…"
            action={deleteModelAction}
            fields={{ id: model.id }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
