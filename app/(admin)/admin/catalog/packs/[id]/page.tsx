// GET /admin/catalog/packs/[id] — edit one credit pack.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { CatalogSection } from "../../_components/catalog-section";
import { centsToInput, millicreditsToInput } from "../../_lib/form-values";
import { updateCreditPackAction } from "../actions";
import { PackForm } from "../pack-form";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }> };

const getPack = cache((id: string) => db.creditPack.findUnique({ where: { id } }));

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const pack = await getPack((await props.params).id);
  return { title: pack ? `Credit pack: ${pack.name}` : "Credit pack not found" };
}

export default async function EditPackPage(props: Props) {
  await requireAdmin();
  const pack = await getPack((await props.params).id);
  if (!pack) notFound();
  return (
    <CatalogSection
      className="max-w-3xl"
      back={{ href: "/admin/catalog/packs", label: "All credit packs" }}
      title={pack.name}
    >
      <PackForm
        pack={{
          id: pack.id,
          code: pack.code,
          name: pack.name,
          credits: millicreditsToInput(pack.millicredits),
          bonusCredits: millicreditsToInput(pack.bonusMillicredits),
          price: centsToInput(pack.priceCents),
          sortOrder: String(pack.sortOrder),
          active: pack.active,
        }}
        action={updateCreditPackAction}
        submitLabel="Save credit pack"
      />
    </CatalogSection>
  );
}
