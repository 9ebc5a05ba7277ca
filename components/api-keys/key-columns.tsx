import { type Column, Td, Th } from "@/components/ui/data-table";
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

/** The columns every API key table starts with. */
export function keyColumns<Row extends KeyRow>(): Column<Row>[] {
  return [
    { header: "Name", kind: "primary", cell: (k) => k.name, className: "break-words" },
    { header: "Key", cell: (k) => `${k.prefix}…`, className: "font-mono text-xs whitespace-nowrap" },
    { header: "Created", cell: (k) => formatDate(k.createdAt), className: "whitespace-nowrap" },
    {
      header: "Last used",
      cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"),
      className: "whitespace-nowrap",
    },
  ];
}

/** @deprecated The hand-written table's cells; use `keyColumns` with DataTable. */
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

/** @deprecated See `KeyHeadCells`. */
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
