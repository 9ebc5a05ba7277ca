"use client";

import { useState } from "react";
import { FieldMessages } from "@/components/forms/field-messages";
import { FormField } from "@/components/forms/form-field";
import { Alert } from "@/components/ui/alert";
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

/** What the form must warn about: locked code, draft, subscribers a price edit affects, the badge's holder. */
export type TierGuard = {
  /** Why the code is read-only (subscriptions refer to it), or null. */
  codeLock: string | null;
  /** Models the tier gives access to; none means a draft (not on /pricing, not purchasable). */
  modelCount: number;
  /** Live subscriptions on the tier. */
  subscribers: number;
  /** The other tier carrying "Most popular" now, if any. */
  popularTier: string | null;
};

type Props = {
  tier: TierFormValues;
  guard: TierGuard;
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

const PRICE_CHANGE_CHOICES = [
  ["new_sales", "New sales only: existing subscribers keep their current terms."],
  [
    "move_existing",
    "Move existing subscribers at their next renewal (at least 30 days away; each owner is emailed now).",
  ],
] as const;

const TERM_FIELDS = ["monthlyPrice", "annualPrice", "includedCredits", "dailyQuotaUnits"] as const;
type Terms = Record<(typeof TERM_FIELDS)[number], string>;

export function TierForm({ tier, guard, defaultMarkup, action, submitLabel, notice }: Props) {
  const form = useAdminForm(action, tier);
  const [prices, setPrices] = useState({ monthly: tier.monthlyPrice, annual: tier.annualPrice });
  // The versioned terms as typed: a change with live subscribers asks who gets it.
  const [terms, setTerms] = useState<Terms>(() => ({
    monthlyPrice: tier.monthlyPrice,
    annualPrice: tier.annualPrice,
    includedCredits: tier.includedCredits,
    dailyQuotaUnits: tier.dailyQuotaUnits,
  }));
  const termsChanged = TERM_FIELDS.some((f) => terms[f].trim() !== tier[f]);
  const [popular, setPopular] = useState(tier.mostPopular);
  const termInput = (name: keyof Terms) => ({
    ...form.field(name),
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setTerms((t) => ({ ...t, [name]: value }));
    },
  });

  return (
    <AdminForm form={form} recordId={tier.id} notice={notice} submitLabel={submitLabel} className="gap-5">
      <FieldGrid>
        <FormField
          label="Code"
          {...form.field("code")}
          autoComplete="off"
          required
          readOnly={Boolean(guard.codeLock)}
          hint={
            guard.codeLock ??
            "Lowercase letters, digits and dashes. Apps and the API refer to the tier by it."
          }
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
          {...termInput("monthlyPrice")}
          inputMode="decimal"
          onChange={(e) => setPrices((p) => ({ ...p, monthly: e.target.value }))}
          required
          hint="In US dollars, e.g. 29 or 29.99. Use 0 for a free plan."
        />
        <FormField
          label="Annual price ($)"
          {...termInput("annualPrice")}
          inputMode="decimal"
          onChange={(e) => setPrices((p) => ({ ...p, annual: e.target.value }))}
          required
          hint={annualHint(prices.monthly, prices.annual)}
        />
        <FormField
          label="Included credits per month"
          {...termInput("includedCredits")}
          inputMode="decimal"
          hint="Granted with each paid invoice (1 credit = $0.001)."
        />
        <FormField
          label="Daily quota (units)"
          {...termInput("dailyQuotaUnits")}
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
          hint="Unique. Orders plans on the pricing page and decides upgrade vs downgrade: lower is cheaper."
        />
      </FieldGrid>
      {termsChanged && guard.subscribers > 0 ? (
        <Alert variant="warning" className="grid gap-3">
          <fieldset className="grid gap-2" aria-describedby="price-change-error">
            <legend className="font-medium">
              {guard.subscribers} active subscriber{guard.subscribers === 1 ? " is" : "s are"} on this tier
            </legend>
            <p>A new price, included credits or quota is a new plan version. Who gets it?</p>
            {PRICE_CHANGE_CHOICES.map(([value, label]) => (
              <label key={value} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="priceChange"
                  value={value}
                  defaultChecked={form.state.values?.priceChange === value}
                  className="mt-1 accent-primary"
                />
                <span>{label}</span>
              </label>
            ))}
            <FieldMessages id="price-change" errors={form.errors("priceChange")} />
          </fieldset>
        </Alert>
      ) : null}
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Pricing page</legend>
        <CheckboxField
          label="Public"
          {...form.checkbox("isPublic")}
          hint={
            guard.modelCount > 0
              ? "Listed on the pricing page and open to sign-ups."
              : "Draft: a tier goes on the pricing page and can be bought only once it has at least one model (Catalog → Models → access)."
          }
        />
        <CheckboxField
          label="Most popular"
          {...form.checkbox("mostPopular")}
          onChange={(e) => setPopular(e.currentTarget.checked)}
          hint={
            popular && guard.popularTier
              ? `Saving moves the badge from ${guard.popularTier} to this tier (only one tier carries it).`
              : guard.popularTier
                ? `${guard.popularTier} carries the badge now; ticking this moves it here.`
                : "Highlights this plan; only one tier carries the badge. No tier has it now."
          }
        />
      </fieldset>
    </AdminForm>
  );
}
