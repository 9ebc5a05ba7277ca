import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { workspaceApiKeys } from "@/lib/admin/workspaces";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { RevokeKey } from "./revoke-key";
import { sectionHeading, type TabProps } from "./tab-props";

function keyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) {
  if (key.revokedAt) return "Revoked";
  if (key.expiresAt && key.expiresAt <= now) return "Expired";
  return "Active";
}

export async function KeysTab({ ws, page, basePath }: TabProps) {
  const keys = await workspaceApiKeys(ws.id, page);
  const now = new Date();
  return (
    <section className="grid gap-3" aria-labelledby="api-keys">
      <h2 id="api-keys" className={sectionHeading}>
        API keys
      </h2>
      {keys.total === 0 ? (
        <EmptyState title="No API keys yet">
          <p>Keys the workspace&apos;s owners create, or the management API issues, appear here.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable label="API keys" minWidth="min-w-[48rem]">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody>
              {keys.rows.map((key) => {
                const status = keyStatus(key, now);
                return (
                  <tr key={key.id}>
                    <Td className="break-words font-medium">{key.name}</Td>
                    <Td className="whitespace-nowrap font-mono text-xs">{key.prefix}…</Td>
                    <Td className="whitespace-nowrap">{formatDate(key.createdAt)}</Td>
                    <Td className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</Td>
                    <Td>
                      <Badge variant="outline">{status}</Badge>
                    </Td>
                    <Td className="text-right">
                      <RevokeKey workspaceId={ws.id} id={key.id} name={key.name} revoked={Boolean(key.revokedAt)} />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          <Pagination basePath={basePath} params={{ tab: "keys" }} page={keys.page} pageCount={keys.pageCount} total={keys.total} noun={keys.total === 1 ? "key" : "keys"} />
        </>
      )}
    </section>
  );
}
