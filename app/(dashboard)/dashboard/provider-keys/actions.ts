"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, userAction } from "@/lib/auth/action";
import { assertCan } from "@/lib/workspaces/permissions";
import { deleteProviderKey, providerKeyInput, saveProviderKey } from "@/lib/byok/keys";
import { providerLabel } from "./providers";

export type SaveProviderKeyState = ActionState & { saved?: { provider: string; last4: string } };

export const saveProviderKeyAction = userAction(
  providerKeyInput,
  async (input, { user, workspace, role }) => {
    assertCan(role, "provider_keys.manage");
    const saved = await saveProviderKey({ id: user.id, email: user.email }, workspace.id, input);
    revalidatePath("/dashboard/provider-keys");
    // Only the last four characters come back; the key itself never leaves the server again.
    const state: SaveProviderKeyState = {
      ok: true,
      message: `${providerLabel(saved.provider)} key saved: •••• ${saved.last4}`,
      saved: { provider: saved.provider, last4: saved.last4 },
    };
    return state;
    // userAction is typed for plain ActionState; this one also says which key was saved.
  },
) as (prev: SaveProviderKeyState, formData: FormData) => Promise<SaveProviderKeyState>;

export const removeProviderKeyAction = userAction(
  z.object({ provider: z.string().trim().min(1).max(40) }),
  async ({ provider }, { user, workspace, role }) => {
    assertCan(role, "provider_keys.manage");
    // deleteProviderKey only looks inside the caller's workspace, so a forged provider name reaches nothing else.
    const removed = await deleteProviderKey({ id: user.id, email: user.email }, workspace.id, provider);
    revalidatePath("/dashboard/provider-keys");
    return { ok: true, message: `${providerLabel(removed.provider)} key •••• ${removed.last4} removed.` };
  },
);
