// GET /admin/catalog — the catalog opens on its first section.
import { redirect } from "next/navigation";

export default function CatalogPage() {
  redirect("/admin/catalog/tiers");
}
