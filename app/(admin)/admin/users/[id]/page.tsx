// GET /admin/users/[id] — one account: profile, the workspaces they belong to, and the audit entries about them.
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AuditTable } from "@/components/admin/audit-table";
import { Detail, DetailList, linkClass } from "@/components/admin/detail-list";
import { WorkspaceStatusBadge, accountTypeLabel, planName } from "@/components/admin/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Pagination, parsePage } from "@/components/ui/pagination";
import type { SearchParams } from "@/lib/admin/filters";
import { getUserDetail, userAudit } from "@/lib/admin/users";
import { capitalize, formatDateTime } from "@/lib/utils/format";
import { VerifiedBadge } from "../../../_components/badges";
import { ResendVerificationButton } from "./resend-verification-button";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const getUser = cache(getUserDetail);

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const user = await getUser((await props.params).id);
  return { title: user ? `User: ${user.email}` : "User not found" };
}

export default async function UserPage(props: Props) {
  await requireAdmin();
  const [{ id }, params] = await Promise.all([props.params, props.searchParams]);
  const user = await getUser(id);
  if (!user) notFound();
  const audit = await userAudit(user.id, parsePage(params.page));

  return (
    <div className="mx-auto grid max-w-6xl min-w-0 gap-6">
      <Link
        href="/admin/users"
        className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <ArrowLeft className="size-4" aria-hidden /> Back to users
      </Link>
      <div className="grid gap-2">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-all">{user.email}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={user.role === "admin" ? "default" : "secondary"}>
            {user.role === "admin" ? "Admin" : "User"}
          </Badge>
          <VerifiedBadge verified={Boolean(user.emailVerifiedAt)} />
        </div>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <DetailList>
            <Detail label="Email">{user.email}</Detail>
            <Detail label="Name">{user.name ?? "—"}</Detail>
            <Detail label="Role">{user.role === "admin" ? "Admin" : "User"}</Detail>
            <Detail label="Email verified">
              {user.emailVerifiedAt ? formatDateTime(user.emailVerifiedAt) : "Not verified"}
            </Detail>
            <Detail label="Signed up">{formatDateTime(user.createdAt)}</Detail>
            <Detail label="Referral code">
              <span className="font-mono text-xs">{user.referralCode}</span>
            </Detail>
            <Detail label="Referred by">
              {user.referredBy ? (
                <Link href={`/admin/users/${user.referredBy.id}`} className={linkClass}>
                  {user.referredBy.email}
                </Link>
              ) : (
                "Nobody"
              )}
            </Detail>
            <Detail label="People referred">{user._count.referrals}</Detail>
          </DetailList>
        </CardContent>
      </Card>

      {user.emailVerifiedAt ? null : (
        <Card>
          <CardHeader>
            <CardTitle>Email verification</CardTitle>
            <CardDescription>
              Sends a new verification link, as at sign-up. Earlier links keep working until they expire.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ResendVerificationButton userId={user.id} />
          </CardContent>
        </Card>
      )}

      <section className="grid gap-3" aria-labelledby="user-workspaces">
        <h2 id="user-workspaces" className="text-lg leading-tight font-semibold">
          Workspaces
        </h2>
        {user.memberships.length === 0 ? (
          <EmptyState title="Not a member of any workspace" />
        ) : (
          <DataTable label="Workspaces this user belongs to">
            <thead>
              <tr>
                <Th>Workspace</Th>
                <Th>Role</Th>
                <Th>Plan</Th>
                <Th>Status</Th>
                <Th>Joined</Th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((m) => (
                <tr key={m.id}>
                  <Td className="font-medium break-words">
                    <Link href={`/admin/workspaces/${m.workspace.id}`} className={linkClass}>
                      {m.workspace.name}
                    </Link>
                    <span className="block text-xs font-normal text-muted-foreground">
                      {m.workspace.personal ? "Personal" : "Team"}
                    </span>
                  </Td>
                  <Td>{capitalize(m.role)}</Td>
                  <Td className="whitespace-nowrap">{`${planName(m.workspace.subscriptions)} · ${accountTypeLabel(m.workspace.accountType)}`}</Td>
                  <Td>
                    <WorkspaceStatusBadge suspended={Boolean(m.workspace.suspendedAt)} />
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(m.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section className="grid gap-3" aria-labelledby="user-audit">
        <h2 id="user-audit" className="text-lg leading-tight font-semibold">
          Audit log
        </h2>
        <AuditTable
          label="Audit entries about this user, newest first"
          entries={audit.rows}
          emptyTitle="No audit entries about this user yet"
        />
        {audit.total > 0 ? (
          <Pagination
            basePath={`/admin/users/${user.id}`}
            params={{}}
            page={audit.page}
            pageCount={audit.pageCount}
            total={audit.total}
            noun={audit.total === 1 ? "entry" : "entries"}
          />
        ) : null}
      </section>
    </div>
  );
}
