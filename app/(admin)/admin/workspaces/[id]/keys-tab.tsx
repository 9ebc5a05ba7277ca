import { keyColumns, keyStatus, revokeColumn } from "@/components/api-keys/key-columns";
import { StatusBadge } from "@/components/ui/badge";
import { workspaceApiKeys } from "@/lib/admin/workspaces";
import { revokeKeyAction } from "./actions";
import type { TabProps } from "./tab-props";
import { TabTable } from "./tab-table";

type Key = Awaited<ReturnType<typeof workspaceApiKeys>>["rows"][number];

export async function KeysTab({ ws, page, pager, may }: TabProps) {
  const now = new Date();
  return (
    <TabTable<Key>
      title="API keys"
      pager={pager}
      paged={await workspaceApiKeys(ws.id, page)}
      noun={["key", "keys"]}
      label="API keys"
      minWidth="48rem"
      empty={{
        title: "No API keys yet",
        description: "Keys the workspace's owners create, or the management API issues, appear here.",
      }}
      columns={[
        ...keyColumns<Key>(),
        { header: "Status", cell: (key) => <StatusBadge status={keyStatus(key, now)} /> },
        ...(may.workspaces
          ? [
              revokeColumn<Key>(
                revokeKeyAction,
                (key) => ({ workspaceId: ws.id, id: key.id }),
                (key) => !key.revokedAt,
              ),
            ]
          : []),
      ]}
    />
  );
}
