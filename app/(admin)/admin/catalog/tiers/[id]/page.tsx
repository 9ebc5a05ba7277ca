// GET /admin/catalog/tiers/[id] — edit a plan, archive or restore it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActionDialog } from "@/components/admin/action-dialog";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatBps } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { BackLink } from "../../_components/back-link";
import { setTierArchivedAction, updateTierAction } from "../actions";
import { TierForm } from "../tier-form";
import { tierToForm } from "../to-form";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

const getTier = cache((id: string) => db.tier.findUnique({ where: { id } }));

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const tier = await getTier((await props.params).id);
  return { title: tier ? `Tier: ${tier.name}` : "Tier not found" };
}

export default async function EditTierPage(props: Props) {
  await requireAdmin();
  const [{ id }, { created }] = await Promise.all([props.params, props.searchParams]);
  const [tier, settings] = await Promise.all([getTier(id), getSettings()]);
  if (!tier) notFound();
  const archived = Boolean(tier.archivedAt);

  return (
    <div className="grid max-w-3xl gap-6">
      <BackLink href="/admin/catalog/tiers">All tiers</BackLink>
      <section className="grid gap-4">
        <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight">
          {tier.name}
          {archived ? <Badge variant="outline">Archived</Badge> : null}
        </h2>
        <TierForm
          tier={tierToForm(tier)}
          defaultMarkup={formatBps(settings.defaultMarkupBps)}
          action={updateTierAction}
          submitLabel="Save tier"
          notice={created ? `${tier.name} created.` : undefined}
        />
      </section>

      <Card>
        <CardHeader>
          <CardTitle>{archived ? "Restore this tier" : "Archive this tier"}</CardTitle>
          <CardDescription>
            {archived
              ? "Restoring puts the tier back on the pricing page (if it is public) and lets people choose it again."
              : "An archived tier leaves the pricing page and can't be chosen; current subscribers keep it."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ActionDialog
            triggerSize="sm"
            trigger={archived ? "Unarchive" : "Archive"}
            triggerVariant={archived ? "outline" : "destructive"}
            title={archived ? `Unarchive ${tier.name}?` : `Archive ${tier.name}?`}
            description={
              archived
                ? `${tier.name} comes back on the pricing page if it is public, and new customers can choose it.`
                : "It disappears from the pricing page; current subscribers keep it."
            }
            confirmLabel={archived ? "Unarchive tier" : "Archive tier"}
            pendingLabel={archived ? "Unarchiving…" : "Archiving…"}
            action={setTierArchivedAction}
            fields={{ id: tier.id, archived: archived ? "false" : "true" }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
