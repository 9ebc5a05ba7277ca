// GET /admin/catalog — the catalog opens on its first section.
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";

export default async function CatalogPage() {
  await requireAdmin();
  redirect("/admin/catalog/tiers");
}
