"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "../../../../_components/form-bits";
import { moveSubscribersAction } from "../actions";

/** "Move subscribers to the current version": at their first renewal at least N days away. */
export function MoveSubscribersForm({ tierId, waiting }: { tierId: string; waiting: number }) {
  const [state, formAction] = useActionState(moveSubscribersAction, {});
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={tierId} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full sm:w-56">
          <FormField
            label="Notice (days)"
            name="noticeDays"
            inputMode="numeric"
            required
            defaultValue={state.values?.noticeDays ?? "30"}
            errors={state.fieldErrors?.noticeDays}
            hint="Each owner is emailed now; the move waits for their first renewal after this many days."
          />
        </div>
        <SubmitButton className="sm:mt-6" pendingLabel="Scheduling…">
          Move {waiting} {waiting === 1 ? "subscriber" : "subscribers"} to the current version
        </SubmitButton>
      </div>
    </form>
  );
}
