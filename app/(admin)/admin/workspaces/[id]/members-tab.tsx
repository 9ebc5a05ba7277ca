import Link from "next/link";
import { linkClass } from "@/components/admin/detail-list";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { workspaceMembers } from "@/lib/admin/workspaces";
import { capitalize, formatDateTime } from "@/lib/utils/format";
import { sectionHeading, type TabProps } from "./tab-props";

export async function MembersTab({ ws, page, basePath }: TabProps) {
  const members = await workspaceMembers(ws.id, page);
  return (
    <section className="grid gap-3" aria-labelledby="members">
      <h2 id="members" className={sectionHeading}>
        Members
      </h2>
      {members.total === 0 ? (
        <EmptyState title="No members" />
      ) : (
        <>
          <DataTable label="Members, in the order they joined">
            <thead>
              <tr>
                <Th>Email</Th>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Joined</Th>
              </tr>
            </thead>
            <tbody>
              {members.rows.map((m) => (
                <tr key={m.id}>
                  <Td className="font-medium break-all">
                    <Link href={`/admin/users/${m.user.id}`} className={linkClass}>
                      {m.user.email}
                    </Link>
                  </Td>
                  <Td className={m.user.name ? undefined : "text-muted-foreground"}>{m.user.name ?? "—"}</Td>
                  <Td>{capitalize(m.role)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(m.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            basePath={basePath}
            params={{ tab: "members" }}
            page={members.page}
            pageCount={members.pageCount}
            total={members.total}
            noun={members.total === 1 ? "member" : "members"}
          />
        </>
      )}
    </section>
  );
}
