"use server";

import { revalidatePath, updateTag } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/auth/action";
import { BRAND_ASSET_KINDS, removeBrandAsset, saveBrandAsset, sniffAsset } from "@/lib/branding/assets";
import { brandingSchema, updateBranding } from "@/lib/branding/branding";
import { BRANDING_TAG } from "@/lib/branding/cached";

const upload = z.instanceof(File).optional();
const ticked = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");

const brandingFormSchema = brandingSchema.extend({
  poweredByTollgate: ticked,
  logo: upload,
  favicon: upload,
  removeLogo: ticked,
  removeFavicon: ticked,
});

export const saveBrandingAction = adminAction(brandingFormSchema, async (input, { admin }) => {
  const actor = { id: admin.id, email: admin.email };
  // Both images are checked before anything is saved, so a bad file leaves the brand as it was.
  const files: { kind: (typeof BRAND_ASSET_KINDS)[number]; bytes: Uint8Array }[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const kind of BRAND_ASSET_KINDS) {
    const file = input[kind];
    if (!file || file.size === 0) continue;
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      sniffAsset(kind, bytes);
      files.push({ kind, bytes });
    } catch (e) {
      fieldErrors[kind] = [e instanceof Error ? e.message : "This file cannot be used."];
    }
  }
  if (Object.keys(fieldErrors).length)
    return { error: "Please correct the highlighted fields.", fieldErrors } satisfies ActionState;
  await updateBranding(actor, input); // the brand schema keeps its own fields only
  if (input.removeLogo) await removeBrandAsset(actor, "logo");
  if (input.removeFavicon) await removeBrandAsset(actor, "favicon");
  for (const f of files) await saveBrandAsset(actor, f.kind, f.bytes);
  // Every page shows the brand: drop the cached brand and every prerendered page.
  updateTag(BRANDING_TAG);
  revalidatePath("/", "layout");
  return { ok: true, message: "Branding saved. Every page, email and receipt now uses it." };
});
