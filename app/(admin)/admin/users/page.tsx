// GET /admin/users — every account, searchable by email or name, 25 per page.
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { db, type Prisma } from "@/lib/db";
import { VerifiedBadge } from "../../_components/badges";
import { FilterForm } from "../../_components/filter-form";
import { PAGE_SIZE, formatDate, parsePage } from "../../_components/format";
import { Pagination } from "@/components/ui/pagination";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage(props: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const params = await props.searchParams;
  const q = (typeof params.q === "string" ? params.q : "").trim().slice(0, 200);
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
    : {};
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(parsePage(params.page), pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    include: { _count: { select: { memberships: true } } },
  });

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-muted-foreground">Everyone with a Tollgate account, newest first.</p>
      </div>

      <FilterForm action="/admin/users" label="Search users" active={Boolean(q)}>
        <div className="grid w-full gap-2 sm:w-80">
          <Label htmlFor="users-q">Email or name</Label>
          <Input id="users-q" name="q" type="search" defaultValue={q} autoComplete="off" />
        </div>
      </FilterForm>

      {users.length === 0 ? (
        <EmptyState title={q ? "No users match your search" : "No users yet"}>
          {q ? <p>Nobody&apos;s email or name contains &ldquo;{q}&rdquo;.</p> : <p>Accounts appear here as people sign up.</p>}
        </EmptyState>
      ) : (
        <>
          <DataTable label={q ? `Users matching “${q}”` : "Users"}>
            <thead>
              <tr>
                <Th>Email</Th>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Email status</Th>
                <Th className="text-right">Workspaces</Th>
                <Th>Signed up</Th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <Td className="break-all font-medium">{user.email}</Td>
                  <Td className={user.name ? undefined : "text-muted-foreground"}>{user.name ?? "—"}</Td>
                  <Td>
                    <Badge variant={user.role === "admin" ? "default" : "secondary"}>{user.role === "admin" ? "Admin" : "User"}</Badge>
                  </Td>
                  <Td>
                    <VerifiedBadge verified={Boolean(user.emailVerifiedAt)} />
                  </Td>
                  <Td className="text-right tabular-nums">{user._count.memberships}</Td>
                  <Td className="whitespace-nowrap">{formatDate(user.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination basePath="/admin/users" params={{ q }} page={page} pageCount={pageCount} total={total} noun={total === 1 ? "user" : "users"} />
        </>
      )}
    </div>
  );
}
