// GET /admin/catalog/packs/[id] — edit one credit pack.
import { db } from "@/lib/db";
import { CatalogSection } from "../../_components/catalog-section";
import { centsToInput, millicreditsToInput } from "../../_lib/form-values";
import { updateCreditPackAction } from "../actions";
import { PackForm } from "../pack-form";
import { adminRecord, type RecordProps } from "../../../../_components/admin-record";

const record = adminRecord("Credit pack", (id) => db.creditPack.findUnique({ where: { id } }), "name");

export const generateMetadata = record.metadata;

export default async function EditPackPage(props: RecordProps) {
  const pack = await record.load(props);
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
