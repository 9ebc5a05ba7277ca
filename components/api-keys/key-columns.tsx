import type { Column } from "@/components/ui/data-table";
import type { ActionState } from "@/lib/auth/action";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { RevokeKeyButton } from "./revoke-key-button";

export type KeyStatus = "active" | "revoked" | "expired";

// A key stops working at its expiry instant; revoking wins over expiring.
export function keyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

type KeyRow = { name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

/** The columns every API key table starts with, for DataTable. */
export function keyColumns<K extends KeyRow>(): Column<K>[] {
  return [
    { header: "Name", kind: "primary", className: "break-words", cell: (key) => key.name },
    { header: "Key", className: "font-mono text-xs whitespace-nowrap", cell: (key) => `${key.prefix}…` },
    { header: "Created", className: "whitespace-nowrap", cell: (key) => formatDate(key.createdAt) },
    {
      header: "Last used",
      className: "whitespace-nowrap",
      cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"),
    },
  ];
}

/** The actions column: a confirmed Revoke for each key `canRevoke` allows, posting `fields(key)`. */
export function revokeColumn<K extends { name: string }>(
  revokeAction: (prev: ActionState, formData: FormData) => Promise<ActionState>,
  fields: (key: K) => Record<string, string>,
  canRevoke: (key: K) => boolean,
): Column<K> {
  return {
    header: "Actions",
    kind: "actions",
    cell: (key) =>
      canRevoke(key) ? (
        <RevokeKeyButton name={key.name} revokeAction={revokeAction} fields={fields(key)} />
      ) : null,
  };
}
