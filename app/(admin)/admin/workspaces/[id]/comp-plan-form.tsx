"use client";

import { SelectField, useChoice } from "@/components/forms/select-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../../_components/admin-form";
import { compPlanAction } from "./actions";
import { SelectOptions } from "@/components/ui/native-select";

const INTERVALS = ["month", "year"] as const;

// The shared select keeps each choice through the reset React does after the action.
export function CompPlanForm({
  workspaceId,
  tiers,
  currentTier,
}: {
  workspaceId: string;
  tiers: { code: string; name: string }[];
  currentTier?: string;
}) {
  const form = useAdminForm(compPlanAction, {});
  const { state } = form;
  const codes = tiers.map((t) => t.code);
  const tier = useChoice(
    state,
    "tier",
    codes,
    currentTier && codes.includes(currentTier) ? currentTier : (codes[0] ?? ""),
  );
  const interval = useChoice(state, "interval", INTERVALS, "month");
  return (
    <AdminForm form={form} hidden={{ workspaceId }} submitLabel="Put on comp plan">
      <FieldGrid>
        <SelectField label="Tier" name="tier" id="comp-tier" {...tier} errors={state.fieldErrors?.tier}>
          <SelectOptions options={tiers.map((t) => ({ value: t.code, label: t.name }))} />
        </SelectField>
        <SelectField
          label="Billing interval"
          name="interval"
          id="comp-interval"
          {...interval}
          errors={state.fieldErrors?.interval}
        >
          <option value="month">Monthly</option>
          <option value="year">Annual</option>
        </SelectField>
      </FieldGrid>
    </AdminForm>
  );
}
