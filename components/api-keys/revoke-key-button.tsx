"use client";

import { ConfirmItemButton } from "@/components/ui/confirm-button";
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
    <ConfirmItemButton
      verb="Revoke"
      item={name}
      description="Apps using this key will stop working."
      confirmAriaLabel={`Yes, revoke ${name}`}
      pendingLabel="Revoking…"
      action={revokeAction}
      fields={fields}
    />
  );
}
