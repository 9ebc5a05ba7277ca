"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SelectField, useChoice } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage, TextareaField } from "../../../_components/form-bits";
import { adjustCreditsAction } from "./actions";

const DIRECTIONS = ["grant", "deduct"] as const;

// The idempotency key is minted when the page renders: a double submit or a retried request is one
// ledger entry. After a success the page re-renders with a fresh key for the next adjustment.
export function CreditsForm({
  workspaceId,
  idempotencyKey,
}: {
  workspaceId: string;
  idempotencyKey: string;
}) {
  const [state, action] = useActionState(adjustCreditsAction, {});
  // The button's wording and colour follow the select, which a refused submit never moves.
  const choice = useChoice(state, "direction", DIRECTIONS, "grant");
  const direction = choice.value;
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Direction" name="direction" {...choice} errors={state.fieldErrors?.direction}>
          <option value="grant">Grant credits</option>
          <option value="deduct">Deduct credits</option>
        </SelectField>
        <FormField
          label="Amount (credits)"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={v.amount}
          errors={state.fieldErrors?.amount}
          hint="Up to 3 decimals; 1 credit = $0.001."
        />
      </div>
      <TextareaField
        label="Reason"
        name="reason"
        defaultValue={v.reason}
        errors={state.fieldErrors?.reason}
        hint="Stored with the ledger entry and in the audit log."
        maxLength={300}
      />
      <SubmitButton
        className="justify-self-start"
        variant={direction === "deduct" ? "destructive" : "default"}
        pendingLabel={direction === "deduct" ? "Deducting…" : "Granting…"}
      >
        {direction === "deduct" ? "Deduct credits" : "Grant credits"}
      </SubmitButton>
    </form>
  );
}
