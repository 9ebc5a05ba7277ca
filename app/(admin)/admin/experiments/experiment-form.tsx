"use client";

import { FormField } from "@/components/forms/form-field";
import { formatCents } from "@/lib/catalog/money";
import { fieldName, VARIANT_KEYS, type ExperimentTier } from "@/lib/experiments/schema";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { createExperimentAction } from "./actions";

// Variant A is the control (the catalog as it is). B, and C if given a share, set prices for the
// plans they test; a plan left blank in a variant sells at the control's price there.
export function ExperimentForm({ tiers }: { tiers: ExperimentTier[] }) {
  const form = useAdminForm(createExperimentAction, {
    name: "",
    weight_A: "50",
    weight_B: "50",
    weight_C: "",
  });
  const field = (name: string) => ({
    name,
    defaultValue: form.state.values?.[name] ?? "",
    errors: form.errors(name),
  });
  return (
    <AdminForm form={form} submitLabel="Create draft" pendingLabel="Creating…">
      <FieldGrid>
        <FormField
          label="Name"
          {...form.field("name")}
          autoComplete="off"
          hint="What is being tested, e.g. “Pro at $39”."
        />
      </FieldGrid>
      <fieldset className="grid gap-3">
        <legend className="text-sm font-medium">Traffic split</legend>
        <p className="text-sm text-muted-foreground">
          Relative shares of new visitors: 50 and 50 is an even split. Leave C blank to run A against B.
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          {VARIANT_KEYS.map((key) => (
            <FormField
              key={key}
              label={key === "A" ? "A (control) share" : `${key} share`}
              inputMode="numeric"
              {...form.field(`weight_${key}` as "weight_A")}
            />
          ))}
        </div>
      </fieldset>
      {VARIANT_KEYS.filter((k) => k !== "A").map((key) => (
        <fieldset key={key} className="grid gap-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">Variant {key} prices</legend>
          <p className="text-sm text-muted-foreground">
            Only prices and included credits can differ; models and features stay the plan&apos;s. Blank: the
            control&apos;s price.
          </p>
          {tiers.map((tier) => (
            <div key={tier.id} className="grid gap-4 sm:grid-cols-3">
              <FormField
                label={`${tier.name} monthly ($)`}
                inputMode="decimal"
                hint={`Control: ${formatCents(tier.monthlyPriceCents)}`}
                {...field(fieldName("monthly", key, tier.code))}
              />
              <FormField
                label={`${tier.name} annual ($)`}
                inputMode="decimal"
                hint={`Control: ${formatCents(tier.annualPriceCents)}`}
                {...field(fieldName("annual", key, tier.code))}
              />
              <FormField
                label={`${tier.name} included credits`}
                inputMode="decimal"
                hint="Blank: the plan's own."
                {...field(fieldName("credits", key, tier.code))}
              />
            </div>
          ))}
        </fieldset>
      ))}
    </AdminForm>
  );
}
