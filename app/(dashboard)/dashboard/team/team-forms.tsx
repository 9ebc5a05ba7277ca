"use client";

import { useActionState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/auth/action";
import { createTeamAction, inviteMemberAction, renameTeamAction } from "./actions";
import { SelectOptions } from "@/components/ui/native-select";

function Outcome({ state }: { state: ActionState }) {
  if (state.error) return <Alert variant="error">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert variant="success">{state.message}</Alert>;
  return null;
}

/** The one field of creating a team and of renaming it. */
function TeamNameForm({
  action,
  id,
  name = "",
  hint,
  submit,
}: {
  action: typeof createTeamAction;
  id: string;
  name?: string;
  hint?: string;
  submit: { label: string; pendingLabel: string; variant?: "outline" };
}) {
  const [state, run] = useActionState(action, {});
  return (
    <form action={run} className="grid gap-4" noValidate>
      <Outcome state={state} />
      <FormField
        label="Team name"
        name="name"
        id={id}
        required
        maxLength={100}
        autoComplete="organization"
        defaultValue={state.values?.name ?? name}
        errors={state.fieldErrors?.name}
        hint={hint}
      />
      <SubmitButton
        className="justify-self-start"
        variant={submit.variant}
        pendingLabel={submit.pendingLabel}
      >
        {submit.label}
      </SubmitButton>
    </form>
  );
}

export function CreateTeamForm() {
  return (
    <TeamNameForm
      action={createTeamAction}
      id="create-team-name"
      hint="You can rename it later."
      submit={{ label: "Create team", pendingLabel: "Creating team…" }}
    />
  );
}

export function RenameTeamForm({ name }: { name: string }) {
  return (
    <TeamNameForm
      action={renameTeamAction}
      id="rename-team-name"
      name={name}
      submit={{ label: "Save name", pendingLabel: "Saving…", variant: "outline" }}
    />
  );
}

export function InviteForm({ roles }: { roles: { value: string; label: string }[] }) {
  const [state, action] = useActionState(inviteMemberAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      <Outcome state={state} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <FormField
          label="Email"
          name="email"
          id="invite-email"
          type="email"
          required
          autoComplete="off"
          // A successful invite clears the field for the next one; an error keeps what was typed.
          key={state.ok ? state.message : "invite-email"}
          defaultValue={state.ok ? "" : (state.values?.email ?? "")}
          errors={state.fieldErrors?.email}
        />
        <SelectField
          label="Role"
          name="role"
          id="invite-role"
          defaultValue={state.values?.role ?? "member"}
          errors={state.fieldErrors?.role}
        >
          <SelectOptions options={roles} />
        </SelectField>
      </div>
      <SubmitButton className="justify-self-start" pendingLabel="Sending invitation…">
        Send invitation
      </SubmitButton>
    </form>
  );
}
