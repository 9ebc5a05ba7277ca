import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/audit/record";

/** Who made a catalog change, for the audit log. */
export const actorOf = (admin: { id: string; email: string }): Actor => ({
  id: admin.id,
  email: admin.email,
});

/**
 * After any catalog change: the public pricing page is statically rendered and must rebuild, and
 * every catalog screen shows data from the others (tiers in the matrices, markups in the preview).
 * Layout paths name the route group: Next tags cached layouts by file path, not by URL.
 */
export function refreshCatalog() {
  revalidatePath("/pricing");
  revalidatePath("/(admin)/admin/catalog", "layout");
}
