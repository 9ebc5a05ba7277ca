"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { archivePriceRule, createPriceRule, updatePriceRule } from "@/lib/catalog/price-rules-store";
import { priceRuleSchema } from "@/lib/catalog/schemas";
import { catalogAction } from "../_lib/refresh";

const idSchema = z.object({ id: z.string().min(1) });

// An edit posts the rule's id with the form: a new version of that rule.
const versionSchema = idSchema.loose().transform((raw, ctx) => {
  const parsed = priceRuleSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom" });
    return z.NEVER;
  }
  return { id: raw.id, input: parsed.data };
});

export const createPriceRuleAction = catalogAction(
  priceRuleSchema,
  (input, actor) => createPriceRule(actor, input),
  (rule) => redirect(`/admin/catalog/rules/${rule.id}?created=1`),
);

export const updatePriceRuleAction = catalogAction(
  versionSchema,
  ({ id, input }, actor) => updatePriceRule(actor, id, input),
  (rule) => ({ ok: true, message: `Version ${rule.version} saved.` }),
);

export const archivePriceRuleAction = catalogAction(
  idSchema,
  ({ id }, actor) => archivePriceRule(actor, id),
  () => ({ ok: true, message: "Rule archived: it no longer applies to new charges." }),
);
