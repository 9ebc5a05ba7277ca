// /admin/catalog/* — what Tollgate sells: tiers, features, models, markups and credit packs.
import type { ReactNode } from "react";
import { TabLinks } from "@/components/ui/tabs";
import { AdminPage } from "../../_components/admin-page";
import { requireAdmin } from "@/lib/auth/session";

const sections = [
  { href: "/admin/catalog/tiers", label: "Tiers" },
  { href: "/admin/catalog/features", label: "Features" },
  { href: "/admin/catalog/models", label: "Models" },
  { href: "/admin/catalog/markups", label: "Markups" },
  { href: "/admin/catalog/rules", label: "Pricing rules" },
  { href: "/admin/catalog/packs", label: "Credit packs" },
];

export default async function CatalogLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <AdminPage
      title="Catalog"
      description="Plans, entitlements, models and prices. Changes show on the pricing page at once."
    >
      <TabLinks label="Catalog sections" links={sections} />
      <div className="grid min-w-0 gap-6">{children}</div>
    </AdminPage>
  );
}
