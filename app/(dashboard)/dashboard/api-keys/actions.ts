"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, userAction } from "@/lib/auth/action";
import { spendCapInput } from "@/lib/catalog/credits-input";
import { assertCanCreateKey, createApiKey, revokeApiKey } from "@/lib/metering/api-keys";

export type CreateKeyState = ActionState & { key?: string; keyName?: string };

const createSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the key.").max(100, "Use at most 100 characters."),
  // A key stops working at 00:00 UTC on its expiry date, so the earliest is tomorrow.
  expiresOn: z
    .string()
    .trim()
    .default("")
    .refine(
      (v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(`${v}T00:00:00Z`))),
      "Enter a date like 2030-12-31.",
    )
    .refine((v) => v === "" || Date.parse(`${v}T00:00:00Z`) > Date.now(), "Pick a date after today (UTC).")
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
  monthlyCap: spendCapInput("Enter a positive number of credits, like 5000.", { allowZero: false }),
});

export const createKeyAction = userAction(createSchema, async (input, { user, workspace, role }) => {
  assertCanCreateKey(user, role, { monthlySpendCapMillicredits: input.monthlyCap });
  const { key, record } = await createApiKey({ id: user.id, email: user.email }, workspace.id, {
    name: input.name,
    expiresAt: input.expiresOn,
    monthlySpendCapMillicredits: input.monthlyCap,
  });
  revalidatePath("/dashboard/api-keys");
  // The only time the full key leaves the server; it is stored hashed.
  const state: CreateKeyState = {
    ok: true,
    message: `API key “${record.name}” created.`,
    key,
    keyName: record.name,
  };
  return state;
  // userAction is typed for plain ActionState; this one also carries the new key back once.
}) as (prev: CreateKeyState, formData: FormData) => Promise<CreateKeyState>;

export const revokeKeyAction = userAction(
  z.object({ id: z.string().min(1) }),
  async ({ id }, { user, workspace, role }) => {
    // revokeApiKey refuses ids from other workspaces, and a member's request reaches only their own keys.
    const key = await revokeApiKey({ id: user.id, email: user.email }, workspace.id, id, { role });
    revalidatePath("/dashboard/api-keys");
    return { ok: true, message: `API key “${key.name}” revoked.` };
  },
);
