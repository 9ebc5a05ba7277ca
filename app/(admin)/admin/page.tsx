// GET /admin — headline counts for users, workspaces and email delivery, and the latest sign-ups.
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db";
import { VerifiedBadge } from "../_components/badges";
import { formatCount, formatDate } from "../_components/format";

export const metadata: Metadata = { title: "Admin overview" };

export default async function AdminOverviewPage() {
  const [users, verifiedUsers, workspaces, outbox, recent] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { emailVerifiedAt: { not: null } } }),
    db.workspace.count(),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    db.user.findMany({
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, email: true, name: true, createdAt: true, emailVerifiedAt: true },
    }),
  ]);
  const emails = (status: "queued" | "sent" | "failed") => outbox.find((row) => row.status === status)?._count._all ?? 0;

  const stats: { label: string; value: number; href?: string }[] = [
    { label: "Users", value: users, href: "/admin/users" },
    { label: "Verified users", value: verifiedUsers },
    { label: "Workspaces", value: workspaces },
    { label: "Emails queued", value: emails("queued"), href: "/admin/outbox?status=queued" },
    { label: "Emails sent", value: emails("sent"), href: "/admin/outbox?status=sent" },
    { label: "Emails failed", value: emails("failed"), href: "/admin/outbox?status=failed" },
  ];

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-muted-foreground">Accounts and email delivery across Tollgate.</p>
      </div>

      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        {stats.map((stat) => (
          <Card key={stat.label} className="grid gap-1 p-4 sm:p-6">
            <dt className="text-sm text-muted-foreground">{stat.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums sm:text-3xl">
              {stat.href ? (
                <Link
                  href={stat.href}
                  className="rounded-sm hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  aria-label={`${formatCount(stat.value)} ${stat.label.toLowerCase()}, view list`}
                >
                  {formatCount(stat.value)}
                </Link>
              ) : (
                formatCount(stat.value)
              )}
            </dd>
          </Card>
        ))}
      </dl>

      <Card>
        <CardHeader>
          <CardTitle>Recent sign-ups</CardTitle>
          <CardDescription>The five newest accounts.</CardDescription>
        </CardHeader>
        <CardContent>
          {recent.length === 0 ? (
            <p className="text-sm text-muted-foreground">No one has signed up yet.</p>
          ) : (
            <ul className="divide-y rounded-md border">
              {recent.map((user) => (
                <li key={user.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm">
                  <div className="grid min-w-0 gap-0.5">
                    <Link
                      href={`/admin/users?q=${encodeURIComponent(user.email)}`}
                      className="break-all font-medium underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {user.email}
                    </Link>
                    <span className="text-muted-foreground">
                      {user.name ? `${user.name} · ` : ""}signed up {formatDate(user.createdAt)}
                    </span>
                  </div>
                  <VerifiedBadge verified={Boolean(user.emailVerifiedAt)} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
