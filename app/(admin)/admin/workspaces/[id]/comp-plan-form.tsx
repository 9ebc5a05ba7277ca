"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage, SelectField } from "../../catalog/_components/form-bits";
import { compPlanAction } from "./actions";

type Interval = "month" | "year";

// Controlled selects: React resets a form after its action, and the choice should stay visible.
export function CompPlanForm({ workspaceId, tiers, currentTier }: { workspaceId: string; tiers: { code: string; name: string }[]; currentTier?: string }) {
  const [state, action] = useActionState(compPlanAction, {});
  const [tier, setTier] = useState(currentTier && tiers.some((t) => t.code === currentTier) ? currentTier : (tiers[0]?.code ?? ""));
  const [interval, setBilling] = useState<Interval>("month");
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Tier" name="tier" id="comp-tier" value={tier} onChange={(e) => setTier(e.target.value)} errors={state.fieldErrors?.tier}>
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
          value={interval}
          onChange={(e) => setBilling(e.target.value === "year" ? "year" : "month")}
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
