"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/auth/action";
import { createExperiment, endExperiment, experimentTiers, startExperiment } from "@/lib/experiments/manage";
import { experimentFormSchema } from "@/lib/experiments/schema";

// Price experiments change what new visitors are charged: the catalog permission, which owners hold.
const permission = { permission: "catalog" } as const;

/** The public pages with prices (and their static variant copies) show what is on sale now. */
function refreshPrices(id?: string) {
  revalidatePath("/");
  revalidatePath("/pricing");
  revalidatePath("/v/[variant]", "page");
  revalidatePath("/pricing/v/[variant]", "page");
  revalidatePath("/admin/experiments");
  if (id) revalidatePath(`/admin/experiments/${id}`);
}

export async function createExperimentAction(prev: ActionState, formData: FormData) {
  // The form has a price field per tier on sale: the schema is built from the same list.
  const schema = experimentFormSchema(await experimentTiers());
  return adminAction(
    schema,
    async (input, { admin }) => {
      const experiment = await createExperiment({ id: admin.id, email: admin.email }, input);
      revalidatePath("/admin/experiments");
      redirect(`/admin/experiments/${experiment.id}`);
    },
    permission,
  )(prev, formData);
}

export const startExperimentAction = adminAction(
  z.object({ id: z.string().min(1) }),
  async ({ id }, { admin }) => {
    const experiment = await startExperiment({ id: admin.id, email: admin.email }, id);
    refreshPrices(id);
    return {
      ok: true,
      message: `“${experiment.name}” is running: new visitors are split between its variants.`,
    };
  },
  permission,
);

export const endExperimentAction = adminAction(
  z.object({ id: z.string().min(1), keep: z.string().min(1) }),
  async ({ id, keep }, { admin }) => {
    const { kept } = await endExperiment(
      { id: admin.id, email: admin.email },
      id,
      keep === "control" ? null : keep,
    );
    refreshPrices(id);
    return {
      ok: true,
      message: kept
        ? `Ended. Variant ${kept.key}'s prices are now the catalog's for new sales; existing subscribers keep theirs.`
        : "Ended. The catalog's prices stay as they were; existing subscribers keep theirs.",
    };
  },
  permission,
);
