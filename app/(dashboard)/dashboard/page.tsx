// GET /dashboard — the subscriber's overview: their workspace, their account and who else is in it.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { capitalize, formatDate } from "@/lib/utils/format";
import { VerifiedBadge } from "../_components/verified-badge";
import { VerifyEmailAlert } from "./verify-email-alert";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage(props: { searchParams: Promise<{ verified?: string }> }) {
  const [{ user, workspace, role }, { verified }] = await Promise.all([getDashboardContext(), props.searchParams]);
  const members = await db.membership.findMany({
    where: { workspaceId: workspace.id },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-muted-foreground">
          Signed in as <span className="break-all">{user.email}</span>, working in {workspace.name}.
        </p>
      </div>

      {verified === "1" && user.emailVerifiedAt ? <Alert variant="success">Your email is confirmed.</Alert> : null}
      {!user.emailVerifiedAt ? <VerifyEmailAlert email={user.email} /> : null}

      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Workspace</CardTitle>
            <CardDescription>The workspace that owns plans, credits and API keys.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              <Detail label="Name">{workspace.name}</Detail>
              <Detail label="Type">{workspace.personal ? "Personal" : "Team"}</Detail>
              <Detail label="Your role">
                <Badge variant="secondary">{capitalize(role)}</Badge>
              </Detail>
              <Detail label="Created">{formatDate(workspace.createdAt)}</Detail>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
            <CardDescription>Change your name and password in Settings.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              <Detail label="Email">{user.email}</Detail>
              <Detail label="Status">
                <VerifiedBadge verified={Boolean(user.emailVerifiedAt)} />
              </Detail>
              <Detail label="Member since">{formatDate(user.createdAt)}</Detail>
            </dl>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>
            {members.length === 1 ? "You are the only member of this workspace." : `${members.length} people share this workspace.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y rounded-md border">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
                <div className="grid min-w-0 gap-0.5">
                  <span className="font-medium break-words">
                    {m.user.name || m.user.email}
                    {m.userId === user.id ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
                  </span>
                  {m.user.name ? <span className="break-all text-muted-foreground">{m.user.email}</span> : null}
                </div>
                <Badge variant="secondary">{capitalize(m.role)}</Badge>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words font-medium">{children}</dd>
    </div>
  );
}
