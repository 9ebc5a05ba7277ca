import type { Column } from "@/components/ui/data-table";
import { formatDate, formatDateTime } from "@/lib/utils/format";

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
