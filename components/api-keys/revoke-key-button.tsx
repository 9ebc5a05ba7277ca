"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionState } from "@/lib/auth/action";

type Props = {
  name: string;
  revokeAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden inputs posted with the confirmation, e.g. { id } or { workspaceId, id }. */
  fields: Record<string, string>;
  /** Already revoked: nothing to offer. */
  revoked?: boolean;
};

/** Revoking breaks every app using the key, so it is confirmed first; the outcome is a toast. */
export function RevokeKeyButton({ name, revokeAction, fields, revoked = false }: Props) {
  if (revoked) return null;
  return (
    <ConfirmButton
      trigger="Revoke"
      triggerLabel={`Revoke ${name}`}
      triggerVariant="outline"
      triggerSize="sm"
      title={`Revoke ${name}?`}
      description="Apps using this key will stop working."
      confirmLabel="Yes, revoke"
      confirmAriaLabel={`Yes, revoke ${name}`}
      pendingLabel="Revoking…"
      action={revokeAction}
      fields={fields}
    />
  );
}
