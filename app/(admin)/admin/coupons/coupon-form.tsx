"use client";

import { FormField } from "@/components/forms/form-field";
import { SelectField, useChoice } from "@/components/forms/select-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { CheckboxField } from "../../_components/form-bits";
import { FormFields, type FieldSpec } from "../../_components/form-fields";
import { createCouponAction } from "./actions";

const KINDS = ["credits", "percent_off"] as const;
const DURATIONS = ["once", "repeating", "forever"] as const;
const EMPTY = {
  code: "",
  credits: "",
  percentOff: "",
  maxRedemptions: "",
  startsOn: "",
  expiresOn: "",
  durationMonths: "",
};

type Values = typeof EMPTY;

// The value field of each kind; the kind's own error shows on it.
const VALUE_FIELDS = {
  credits: {
    name: "credits",
    label: "Credits",
    inputMode: "decimal",
    hint: "Added to the redeeming workspace's balance.",
  },
  percent_off: {
    name: "percentOff",
    label: "Percent off",
    inputMode: "numeric",
    hint: "A whole number from 1 to 100, taken off the price.",
  },
} satisfies Record<(typeof KINDS)[number], FieldSpec<Values>>;

const LIMIT_FIELDS: FieldSpec<Values>[] = [
  { name: "maxRedemptions", label: "Max redemptions", inputMode: "numeric", hint: "Blank for no limit." },
  {
    name: "startsOn",
    label: "Starts on",
    type: "date",
    hint: "Blank: usable now. A later date lists it as Scheduled until then (UTC).",
  },
  {
    name: "expiresOn",
    label: "Expires on",
    type: "date",
    hint: "Valid through the end of this day (UTC); must be in the future. Blank: never.",
  },
];

export function CouponForm({ tiers }: { tiers: { id: string; name: string }[] }) {
  const form = useAdminForm(createCouponAction, EMPTY);
  const { state } = form;
  // The value field shown follows the select, which keeps its choice through a refused submit.
  const choice = useChoice(state, "kind", KINDS, "credits");
  const duration = useChoice(state, "duration", DURATIONS, "once");
  const kind = choice.value;
  const value = VALUE_FIELDS[kind];
  return (
    <AdminForm form={form} submitLabel="Create coupon" pendingLabel="Creating…">
      <FieldGrid>
        <FormField
          label="Code"
          {...form.field("code")}
          autoComplete="off"
          hint="Letters, digits, dashes; people type it in any case."
        />
        <SelectField
          label="Kind"
          name="kind"
          {...choice}
          hint={
            kind === "credits"
              ? "Redeemed on the Credits page, once per workspace."
              : "Entered when paying for a plan or pack, once per workspace."
          }
        >
          <option value="credits">Credits</option>
          <option value="percent_off">Percent off at checkout</option>
        </SelectField>
        <FormField
          key={value.name} // switching kinds starts the other field fresh
          {...value}
          defaultValue={form.field(value.name).defaultValue}
          errors={state.fieldErrors?.[value.name] ?? state.fieldErrors?.kind}
        />
        {kind === "percent_off" ? (
          <SelectField
            label="Duration on plans"
            name="duration"
            {...duration}
            hint="How many plan payments it discounts; passed to Stripe as the coupon's duration."
          >
            <option value="once">First payment only</option>
            <option value="repeating">A number of months</option>
            <option value="forever">Every payment</option>
          </SelectField>
        ) : null}
        {kind === "percent_off" && duration.value === "repeating" ? (
          <FormField
            label="Months discounted"
            {...form.field("durationMonths")}
            inputMode="numeric"
            hint="1 to 36; renewals after that are at full price."
          />
        ) : null}
        <FormFields form={form} fields={LIMIT_FIELDS} />
      </FieldGrid>
      {kind === "percent_off" ? (
        <fieldset className="grid gap-3">
          <legend className="mb-1 text-sm font-medium">Applies to</legend>
          <p className="text-sm text-muted-foreground">
            Tick plans to restrict the coupon to them (then it cannot be used on credit packs). None ticked:
            every plan and pack.
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            {tiers.map((t) => (
              <CheckboxField
                key={t.id}
                label={t.name}
                name={`tier_${t.id}`}
                defaultChecked={state.values?.[`tier_${t.id}`] === "on"}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
    </AdminForm>
  );
}
