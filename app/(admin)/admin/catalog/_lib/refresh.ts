import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { adminAction, type ActionState } from "@/lib/auth/action";
import type { Actor } from "@/lib/audit/record";

/** Who made a catalog change, for the audit log. */
export const actorOf = (admin: { id: string; email: string }): Actor => ({
  id: admin.id,
  email: admin.email,
});

/**
 * After any catalog change: the public landing and pricing pages are statically rendered and must rebuild, and
 * every catalog screen shows data from the others (tiers in the matrices, markups in the preview).
 * Layout paths name the route group: Next tags cached layouts by file path, not by URL.
 */
export function refreshCatalog() {
  revalidatePath("/pricing");
  revalidatePath("/"); // the landing page shows the apps, models and plans too
  revalidatePath("/(admin)/admin/catalog", "layout");
}

/**
 * An admin action that changes the catalog: `change` makes it as the signed-in admin, then the
 * catalog's pages refresh, then `done` turns the result into the form's answer (or redirects).
 */
export function catalogAction<S extends z.ZodType, R>(
  schema: S,
  change: (input: z.infer<S>, actor: Actor) => Promise<R>,
  done: (result: R) => ActionState,
) {
  return adminAction(schema, async (input, { admin }) => {
    const result = await change(input, actorOf(admin));
    refreshCatalog();
    return done(result);
  });
}
