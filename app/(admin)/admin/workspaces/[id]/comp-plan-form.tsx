"use client";

import { useActionState } from "react";
import { SelectField, useChoice } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "../../catalog/_components/form-bits";
import { compPlanAction } from "./actions";

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
  const [state, action] = useActionState(compPlanAction, {});
  const codes = tiers.map((t) => t.code);
  const tier = useChoice(
    state,
    "tier",
    codes,
    currentTier && codes.includes(currentTier) ? currentTier : (codes[0] ?? ""),
  );
  const interval = useChoice(state, "interval", INTERVALS, "month");
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Tier" name="tier" id="comp-tier" {...tier} errors={state.fieldErrors?.tier}>
          {tiers.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
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
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Put on comp plan
      </SubmitButton>
    </form>
  );
}
