// GET /admin/catalog/packs/[id] — edit one credit pack.
import { db } from "@/lib/db";
import { catalogEditPage } from "../../_components/edit-page";
import { centsToInput, millicreditsToInput } from "../../_lib/form-values";
import { updateCreditPackAction } from "../actions";
import { PackForm } from "../pack-form";

const page = catalogEditPage(
  "Credit pack",
  (id) => db.creditPack.findUnique({ where: { id } }),
  { href: "/admin/catalog/packs", label: "All credit packs" },
  (pack) => (
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
  ),
);

export const generateMetadata = page.generateMetadata;
export default page.Page;
