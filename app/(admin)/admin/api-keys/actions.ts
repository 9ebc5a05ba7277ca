"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/auth/action";
import { ADMIN_KEY_ACCESS, type AdminKeyAccess } from "@/lib/auth/admin-roles";
import { createAdminApiKey, revokeAdminApiKey } from "@/lib/metering/api-keys";

export type CreateAdminKeyState = ActionState & { key?: string };

export const createAdminKeyAction = adminAction(
  z.object({
    name: z.string().trim().min(1, "Enter a name for the key.").max(100, "Use at most 100 characters."),
    access: z.enum(Object.keys(ADMIN_KEY_ACCESS) as [AdminKeyAccess], {
      message: "Choose what the key may do.",
    }),
  }),
  async ({ name, access }, { admin }) => {
    const { key, record } = await createAdminApiKey(
      { id: admin.id, email: admin.email },
      name,
      ADMIN_KEY_ACCESS[access].scopes,
    );
    revalidatePath("/admin/api-keys");
    // The only time the full key leaves the server; it is stored hashed.
    const state: CreateAdminKeyState = { ok: true, message: `Admin API key “${record.name}” created.`, key };
    return state;
  },
) as (prev: CreateAdminKeyState, formData: FormData) => Promise<CreateAdminKeyState>;

export const revokeAdminKeyAction = adminAction(
  z.object({ id: z.string().min(1) }),
  async ({ id }, { admin }) => {
    const key = await revokeAdminApiKey({ id: admin.id, email: admin.email }, id);
    revalidatePath("/admin/api-keys");
    return { ok: true, message: `Admin API key “${key.name}” revoked.` };
  },
);
