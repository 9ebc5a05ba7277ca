import { KeyCells, KeyHeadCells, keyStatus, keyStatusLabel } from "@/components/api-keys/key-columns";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { workspaceApiKeys } from "@/lib/admin/workspaces";
import { revokeKeyAction } from "./actions";
import { sectionHeading, type TabProps } from "./tab-props";

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
                <KeyHeadCells />
                <Th>Status</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody>
              {keys.rows.map((key) => {
                const status = keyStatusLabel[keyStatus(key, now)];
                return (
                  <tr key={key.id}>
                    <KeyCells apiKey={key} />
                    <Td>
                      <Badge variant="outline">{status}</Badge>
                    </Td>
                    <Td className="text-right">
                      <RevokeKeyButton
                        name={key.name}
                        revokeAction={revokeKeyAction}
                        fields={{ workspaceId: ws.id, id: key.id }}
                        revoked={Boolean(key.revokedAt)}
                      />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          <Pagination
            basePath={basePath}
            params={{ tab: "keys" }}
            page={keys.page}
            pageCount={keys.pageCount}
            total={keys.total}
            noun={keys.total === 1 ? "key" : "keys"}
          />
        </>
      )}
    </section>
  );
}
