import { Td, Th } from "@/components/ui/data-table";
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

/** The columns every API key table starts with. */
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

export function KeyCells({
  apiKey,
}: {
  apiKey: { name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };
}) {
  return (
    <>
      <Td className="font-medium break-words">{apiKey.name}</Td>
      <Td className="font-mono text-xs whitespace-nowrap">{apiKey.prefix}…</Td>
      <Td className="whitespace-nowrap">{formatDate(apiKey.createdAt)}</Td>
      <Td className="whitespace-nowrap">{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}</Td>
    </>
  );
}
