"use client";

import { useActionState, useId } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/input";
import { NativeSelect, SelectOptions } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/auth/action";
import { changeRoleAction, setCapAction } from "./actions";

function Outcome({ state, id }: { state: ActionState; id: string }) {
  return (
    <p
      id={id}
      role={state.error ? "alert" : "status"}
      className={state.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
    >
      {state.error ?? state.fieldErrors?.cap?.join(" ") ?? (state.ok ? state.message : "")}
    </p>
  );
}

/** Role select for one member; the options are those the viewer may grant. */
export function RoleForm({
  membershipId,
  who,
  role,
  options,
}: {
  membershipId: string;
  who: string;
  role: string;
  options: { value: string; label: string }[];
}) {
  const [state, action] = useActionState(changeRoleAction, {});
  const id = useId();
  return (
    <form action={action} className="grid gap-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Role for {who}
        </label>
        <div className="w-32 shrink-0">
          <NativeSelect
            key={role}
            id={`${id}-role`}
            name="role"
            defaultValue={role}
            className="h-9"
            aria-describedby={`${id}-outcome`}
          >
            <SelectOptions options={options} />
          </NativeSelect>
        </div>
        <SubmitButton size="sm" variant="outline" aria-label={`Save role for ${who}`} pendingLabel="Saving…">
          Save
        </SubmitButton>
      </div>
      <Outcome state={state} id={`${id}-outcome`} />
    </form>
  );
}

/** Monthly spend cap for one member, in credits; empty means no cap. */
export function CapForm({ membershipId, who, cap }: { membershipId: string; who: string; cap: string }) {
  const [state, action] = useActionState(setCapAction, {});
  const id = useId();
  const invalid = Boolean(state.fieldErrors?.cap?.length);
  return (
    <form action={action} className="grid gap-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-cap`} className="sr-only">
          Monthly spend cap for {who}, in credits
        </label>
        <Input
          key={cap}
          id={`${id}-cap`}
          name="cap"
          inputMode="decimal"
          autoComplete="off"
          placeholder="No cap"
          defaultValue={state.values?.cap ?? cap}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-outcome ${id}-hint`}
          className="h-9 w-28"
        />
        <SubmitButton
          size="sm"
          variant="outline"
          aria-label={`Save spend cap for ${who}`}
          pendingLabel="Saving…"
        >
          Save cap
        </SubmitButton>
      </div>
      <p id={`${id}-hint`} className="sr-only">
        Leave empty and save to remove the cap.
      </p>
      <Outcome state={state} id={`${id}-outcome`} />
    </form>
  );
}
