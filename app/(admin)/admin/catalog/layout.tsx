// /admin/catalog/* — what Tollgate sells: tiers, features, models, markups and credit packs.
import type { ReactNode } from "react";
import { CatalogTabs } from "./_components/catalog-tabs";
import { requireAdmin } from "@/lib/auth/session";

export default async function CatalogLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Catalog</h1>
        <p className="text-muted-foreground">
          Plans, entitlements, models and prices. Changes show on the pricing page at once.
        </p>
      </div>
      <CatalogTabs />
      <div className="grid min-w-0 gap-6">{children}</div>
    </div>
  );
}
