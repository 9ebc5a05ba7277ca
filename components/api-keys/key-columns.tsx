import { Td, Th, type Column } from "@/components/ui/data-table";
import { formatDate, formatDateTime } from "@/lib/utils/format";

export type KeyStatus = "active" | "revoked" | "expired";

export const keyStatusLabel: Record<KeyStatus, string> = {
  active: "Active",
  revoked: "Revoked",
  expired: "Expired",
};

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

/** @deprecated The same columns by hand; use keyColumns with DataTable. */
export function KeyHeadCells() {
  return (
    <>
      <Th>Name</Th>
      <Th>Key</Th>
      <Th>Created</Th>
      <Th>Last used</Th>
    </>
  );
}

/** @deprecated Use keyColumns with DataTable. */
export function KeyCells({ apiKey }: { apiKey: KeyRow }) {
  return (
    <>
      <Td className="font-medium break-words">{apiKey.name}</Td>
      <Td className="font-mono text-xs whitespace-nowrap">{apiKey.prefix}…</Td>
      <Td className="whitespace-nowrap">{formatDate(apiKey.createdAt)}</Td>
      <Td className="whitespace-nowrap">{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}</Td>
    </>
  );
}
