// GET /admin/catalog/tiers/[id] — edit a plan, its versions and who is on them, archive or restore it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatusBadge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatBps } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { db } from "@/lib/db";
import { FormCard } from "@/components/admin/form-card";
import { tierGuard } from "@/lib/catalog/tiers";
import { tierVersions } from "@/lib/payments/plan-moves";
import { CatalogSection } from "../../_components/catalog-section";
import { setTierArchivedAction, updateTierAction } from "../actions";
import { TierForm } from "../tier-form";
import { tierToForm } from "../to-form";
import { PlanVersions } from "./plan-versions";
import { requireAdmin } from "@/lib/auth/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; popularFrom?: string }>;
};

const getTier = cache((id: string) => db.tier.findUnique({ where: { id } }));

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const tier = await getTier((await props.params).id);
  return { title: tier ? `Tier: ${tier.name}` : "Tier not found" };
}

export default async function EditTierPage(props: Props) {
  await requireAdmin();
  const [{ id }, { created, popularFrom }] = await Promise.all([props.params, props.searchParams]);
  const [tier, settings, versions, guard] = await Promise.all([
    getTier(id),
    getSettings(),
    tierVersions(id),
    tierGuard(id),
  ]);
  if (!tier) notFound();
  const archived = Boolean(tier.archivedAt);

  return (
    <div className="grid max-w-3xl gap-6">
      <CatalogSection
        back={{ href: "/admin/catalog/tiers", label: "All tiers" }}
        title={
          <>
            {tier.name}
            {archived ? <StatusBadge status="archived" /> : null}
            {!archived && tier.isPublic && guard.modelCount === 0 ? <StatusBadge status="draft" /> : null}
          </>
        }
      >
        <TierForm
          tier={tierToForm(tier)}
          guard={guard}
          defaultMarkup={formatBps(settings.defaultMarkupBps)}
          action={updateTierAction}
          submitLabel="Save tier"
          notice={
            created
              ? `${tier.name} created.${popularFrom ? ` Most popular moved from ${popularFrom} to ${tier.name}.` : ""}`
              : undefined
          }
        />
      </CatalogSection>

      <PlanVersions tierId={tier.id} currentVersionId={tier.currentPlanVersionId} versions={versions} />

      <FormCard
        title={archived ? "Restore this tier" : "Archive this tier"}
        description={
          archived
            ? "Restoring puts the tier back on the pricing page (if it is public) and lets people choose it again."
            : "An archived tier leaves the pricing page and can't be chosen; current subscribers keep it."
        }
      >
        <ConfirmButton
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
      </FormCard>
    </div>
  );
}
