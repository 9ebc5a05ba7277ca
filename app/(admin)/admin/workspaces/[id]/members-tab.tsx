import { linkColumn } from "@/components/admin/link-column";
import { EmptyState } from "@/components/ui/empty-state";
import { workspaceMembers } from "@/lib/admin/workspaces";
import { capitalize, formatDateTime } from "@/lib/utils/format";
import type { TabProps } from "./tab-props";
import { TabTable } from "./tab-table";

type Member = Awaited<ReturnType<typeof workspaceMembers>>["rows"][number];

export async function MembersTab({ ws, page, basePath }: TabProps) {
  return (
    <TabTable<Member>
      id="members"
      title="Members"
      tab="members"
      basePath={basePath}
      paged={await workspaceMembers(ws.id, page)}
      noun={["member", "members"]}
      label="Members, in the order they joined"
      rowKey={(m) => m.id}
      empty={<EmptyState title="No members" />}
      columns={[
        linkColumn(
          "Email",
          (m) => `/admin/users/${m.user.id}`,
          (m) => m.user.email,
          "break-all",
        ),
        { header: "Name", cell: (m) => m.user.name ?? <span className="text-muted-foreground">—</span> },
        { header: "Role", cell: (m) => capitalize(m.role) },
        { header: "Joined", className: "whitespace-nowrap", cell: (m) => formatDateTime(m.createdAt) },
      ]}
    />
  );
}
