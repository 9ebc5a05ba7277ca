"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { formatCents } from "@/lib/catalog/money";
import { CheckboxField, FormMessage, TextareaField, checkedDefault } from "../_components/form-bits";
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
  const [state, formAction] = useActionState(action, {});
  const [prices, setPrices] = useState({ monthly: tier.monthlyPrice, annual: tier.annualPrice });
  const value = (name: keyof TierFormValues) => state.values?.[name] ?? String(tier[name] ?? "");
  const errors = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={formAction} className="grid gap-5" noValidate>
      <FormMessage state={state} notice={notice} />
      {tier.id ? <input type="hidden" name="id" value={tier.id} /> : null}
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField
          label="Code"
          name="code"
          defaultValue={value("code")}
          errors={errors("code")}
          autoComplete="off"
          required
          hint="Lowercase letters, digits and dashes. Apps and the API refer to the tier by it."
        />
        <FormField
          label="Name"
          name="name"
          defaultValue={value("name")}
          errors={errors("name")}
          autoComplete="off"
          required
          maxLength={60}
        />
      </div>
      <TextareaField
        label="Description"
        name="description"
        defaultValue={value("description")}
        errors={errors("description")}
        maxLength={300}
        hint="One line under the name on the pricing page."
      />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField
          label="Monthly price ($)"
          name="monthlyPrice"
          inputMode="decimal"
          defaultValue={value("monthlyPrice")}
          onChange={(e) => setPrices((p) => ({ ...p, monthly: e.target.value }))}
          errors={errors("monthlyPrice")}
          required
          hint="In US dollars, e.g. 29 or 29.99. Use 0 for a free plan."
        />
        <FormField
          label="Annual price ($)"
          name="annualPrice"
          inputMode="decimal"
          defaultValue={value("annualPrice")}
          onChange={(e) => setPrices((p) => ({ ...p, annual: e.target.value }))}
          errors={errors("annualPrice")}
          required
          hint={annualHint(prices.monthly, prices.annual)}
        />
        <FormField
          label="Included credits per month"
          name="includedCredits"
          inputMode="decimal"
          defaultValue={value("includedCredits")}
          errors={errors("includedCredits")}
          hint="Granted with each paid invoice (1 credit = $0.001)."
        />
        <FormField
          label="Daily quota (units)"
          name="dailyQuotaUnits"
          inputMode="numeric"
          defaultValue={value("dailyQuotaUnits")}
          errors={errors("dailyQuotaUnits")}
          hint="Quota units a subscription may use per UTC day."
        />
        <FormField
          label="Rate limit (requests per minute)"
          name="rateLimitPerMinute"
          inputMode="numeric"
          defaultValue={value("rateLimitPerMinute")}
          errors={errors("rateLimitPerMinute")}
        />
        <FormField
          label="Markup (%)"
          name="markupPercent"
          inputMode="decimal"
          defaultValue={value("markupPercent")}
          errors={errors("markupPercent")}
          hint={`Leave blank to use the global default (${defaultMarkup}). A model's own override wins over both.`}
        />
        <FormField
          label="Rank"
          name="rank"
          inputMode="numeric"
          defaultValue={value("rank")}
          errors={errors("rank")}
          hint="Orders plans on the pricing page and decides upgrade vs downgrade: lower is cheaper."
        />
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Pricing page</legend>
        <CheckboxField
          label="Public"
          name="isPublic"
          defaultChecked={checkedDefault(state, "isPublic", tier.isPublic)}
          hint="Listed on the pricing page and open to sign-ups."
        />
        <CheckboxField
          label="Most popular"
          name="mostPopular"
          defaultChecked={checkedDefault(state, "mostPopular", tier.mostPopular)}
          hint="Highlights this plan; only one tier carries the badge."
        />
      </fieldset>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
