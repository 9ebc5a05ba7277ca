"use client";

import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";
import { formatCents } from "@/lib/catalog/money";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { CheckboxField, TextareaField } from "../../../_components/form-bits";
import { inputToCents } from "../_lib/form-values";

export type TierFormValues = {
  id?: string;
  code: string;
  name: string;
  description: string;
  monthlyPrice: string;
  annualPrice: string;
  includedCredits: string;
  dailyQuotaUnits: string;
  rateLimitPerMinute: string;
  markupPercent: string;
  rank: string;
  isPublic: boolean;
  mostPopular: boolean;
};

type Props = {
  tier: TierFormValues;
  /** The global default markup, e.g. "20%", named in the markup hint. */
  defaultMarkup: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  notice?: string;
};

// The pricing page sells the annual plan by its saving, so show it while the admin types.
function annualHint(monthlyText: string, annualText: string) {
  const monthly = inputToCents(monthlyText);
  const annual = inputToCents(annualText);
  if (monthly === null || annual === null || monthly === 0) return "The price of a year paid up front.";
  const full = monthly * 12;
  if (annual === full) return `No saving: 12 × monthly is ${formatCents(full)}.`;
  if (annual > full) return `Costs more than 12 × monthly (${formatCents(full)}).`;
  const saving = full - annual;
  const months = saving / monthly;
  const label = Number.isInteger(months)
    ? `${months} month${months === 1 ? "" : "s"} free`
    : `${Math.round((saving * 1000) / full) / 10}% off`;
  return `Saves ${formatCents(saving)} a year vs 12 × monthly (${formatCents(full)}): ${label}.`;
}

export function TierForm({ tier, defaultMarkup, action, submitLabel, notice }: Props) {
  const form = useAdminForm(action, tier);
  const [prices, setPrices] = useState({ monthly: tier.monthlyPrice, annual: tier.annualPrice });

  return (
    <AdminForm form={form} recordId={tier.id} notice={notice} submitLabel={submitLabel} className="gap-5">
      <FieldGrid>
        <FormField
          label="Code"
          {...form.field("code")}
          autoComplete="off"
          required
          hint="Lowercase letters, digits and dashes. Apps and the API refer to the tier by it."
        />
        <FormField label="Name" {...form.field("name")} autoComplete="off" required maxLength={60} />
      </FieldGrid>
      <TextareaField
        label="Description"
        {...form.field("description")}
        maxLength={300}
        hint="One line under the name on the pricing page."
      />
      <FieldGrid>
        <FormField
          label="Monthly price ($)"
          {...form.field("monthlyPrice")}
          inputMode="decimal"
          onChange={(e) => setPrices((p) => ({ ...p, monthly: e.target.value }))}
          required
          hint="In US dollars, e.g. 29 or 29.99. Use 0 for a free plan."
        />
        <FormField
          label="Annual price ($)"
          {...form.field("annualPrice")}
          inputMode="decimal"
          onChange={(e) => setPrices((p) => ({ ...p, annual: e.target.value }))}
          required
          hint={annualHint(prices.monthly, prices.annual)}
        />
        <FormField
          label="Included credits per month"
          {...form.field("includedCredits")}
          inputMode="decimal"
          hint="Granted with each paid invoice (1 credit = $0.001)."
        />
        <FormField
          label="Daily quota (units)"
          {...form.field("dailyQuotaUnits")}
          inputMode="numeric"
          hint="Quota units a subscription may use per UTC day."
        />
        <FormField
          label="Rate limit (requests per minute)"
          {...form.field("rateLimitPerMinute")}
          inputMode="numeric"
        />
        <FormField
          label="Markup (%)"
          {...form.field("markupPercent")}
          inputMode="decimal"
          hint={`Leave blank to use the global default (${defaultMarkup}). A model's own override wins over both.`}
        />
        <FormField
          label="Rank"
          {...form.field("rank")}
          inputMode="numeric"
          hint="Orders plans on the pricing page and decides upgrade vs downgrade: lower is cheaper."
        />
      </FieldGrid>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Pricing page</legend>
        <CheckboxField
          label="Public"
          {...form.checkbox("isPublic")}
          hint="Listed on the pricing page and open to sign-ups."
        />
        <CheckboxField
          label="Most popular"
          {...form.checkbox("mostPopular")}
          hint="Highlights this plan; only one tier carries the badge."
        />
      </fieldset>
    </AdminForm>
  );
}
