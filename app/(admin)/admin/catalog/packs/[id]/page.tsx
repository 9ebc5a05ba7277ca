// GET /admin/catalog/packs/[id] — edit one credit pack.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { BackLink } from "../../_components/back-link";
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
    <section className="grid max-w-3xl gap-4">
      <BackLink href="/admin/catalog/packs">All credit packs</BackLink>
      <h2 className="text-xl font-semibold tracking-tight">{pack.name}</h2>
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
    </section>
  );
}
