import { linkColumn } from "@/components/admin/link-column";
import { workspaceMembers } from "@/lib/admin/workspaces";
import { capitalize, formatDateTime } from "@/lib/utils/format";
import type { TabProps } from "./tab-props";
import { TabTable } from "./tab-table";

type Member = Awaited<ReturnType<typeof workspaceMembers>>["rows"][number];

export async function MembersTab({ ws, page, pager }: TabProps) {
  return (
    <TabTable<Member>
      title="Members"
      pager={pager}
      paged={await workspaceMembers(ws.id, page)}
      noun={["member", "members"]}
      label="Members, in the order they joined"
      empty={{ title: "No members" }}
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
