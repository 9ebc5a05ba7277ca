// GET /admin — headline counts for users, workspaces and email delivery, the latest ledger check and sign-ups.
import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { Card, TitledCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCredits } from "@/lib/catalog/money";
import { db, type EmailStatus, type LedgerCheck } from "@/lib/db";
import { AdminPage } from "../_components/admin-page";
import { formatCount, formatDate } from "../_components/format";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin overview" };

export default async function AdminOverviewPage() {
  await requireAdmin();
  const [users, verifiedUsers, workspaces, outbox, recent, ledgerCheck] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { emailVerifiedAt: { not: null } } }),
    db.workspace.count(),
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    db.user.findMany({
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, email: true, name: true, createdAt: true, emailVerifiedAt: true },
    }),
    db.ledgerCheck.findFirst({ orderBy: [{ day: "desc" }, { createdAt: "desc" }] }),
  ]);
  const emails = (status: EmailStatus) => outbox.find((row) => row.status === status)?._count._all ?? 0;

  const stats: { label: string; value: number; href?: string }[] = [
    { label: "Users", value: users, href: "/admin/users" },
    { label: "Verified users", value: verifiedUsers },
    { label: "Workspaces", value: workspaces },
    { label: "Emails queued", value: emails("queued"), href: "/admin/outbox?status=queued" },
    { label: "Emails sending", value: emails("sending"), href: "/admin/outbox?status=sending" },
    { label: "Emails sent", value: emails("sent"), href: "/admin/outbox?status=sent" },
    { label: "Emails failed", value: emails("failed"), href: "/admin/outbox?status=failed" },
  ];

  return (
    <AdminPage title="Overview" description="Accounts, email delivery and ledger health across Tollgate.">
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        {stats.map((stat) => (
          <Card key={stat.label} className="grid gap-1 p-4 sm:p-6">
            <dt className="text-sm text-muted-foreground">{stat.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums sm:text-3xl">
              {stat.href ? (
                <Link
                  href={stat.href}
                  className="rounded-sm hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
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

      <LedgerCheckCard check={ledgerCheck} />

      <TitledCard title="Recent sign-ups" description="The five newest accounts.">
        {recent.length === 0 ? (
          <EmptyState title="No one has signed up yet" />
        ) : (
          <ul className="divide-y rounded-md border">
            {recent.map((user) => (
              <li
                key={user.id}
                className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm"
              >
                <div className="grid min-w-0 gap-0.5">
                  <Link
                    href={`/admin/users?q=${encodeURIComponent(user.email)}`}
                    className="font-medium break-all underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    {user.email}
                  </Link>
                  <span className="text-muted-foreground">
                    {user.name ? `${user.name} · ` : ""}signed up {formatDate(user.createdAt)}
                  </span>
                </div>
                <StatusBadge status={user.emailVerifiedAt ? "verified" : "unverified"} />
              </li>
            ))}
          </ul>
        )}
      </TitledCard>
    </AdminPage>
  );
}

// The nightly check stores amounts as BigInt strings (millicredits); read them defensively.
const mismatchesSchema = z.array(
  z.object({
    workspaceId: z.string(),
    name: z.string(),
    balance: z.coerce.string(),
    ledgerSum: z.coerce.string(),
  }),
);
// A broken ledger can touch many workspaces; the overview lists enough to start investigating.
const SHOWN_MISMATCHES = 25;
const credits = (millicredits: string) =>
  /^-?\d+$/.test(millicredits) ? `${formatCredits(BigInt(millicredits))} credits` : millicredits;

function LedgerCheckCard({ check }: { check: LedgerCheck | null }) {
  const parsed = check ? mismatchesSchema.safeParse(check.mismatches) : null;
  const mismatches = parsed?.success ? parsed.data : [];
  return (
    <TitledCard
      title="Ledger check"
      description="Every day each workspace&rsquo;s balance is compared with the sum of its ledger entries."
      contentClassName="grid gap-4"
    >
      {!check ? (
        <p className="text-sm text-muted-foreground">Not run yet</p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-4 text-sm sm:max-w-md">
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Day checked</dt>
              <dd className="font-medium tabular-nums">{check.day}</dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">Workspaces checked</dt>
              <dd className="font-medium tabular-nums">{formatCount(check.workspacesChecked)}</dd>
            </div>
          </dl>
          {check.mismatchCount === 0 ? (
            <Alert variant="success" className="flex items-center gap-2 font-medium">
              <CircleCheck className="size-4 shrink-0 text-success" aria-hidden />
              All balances match the ledger
            </Alert>
          ) : (
            <Alert variant="error" role="alert" className="grid gap-2">
              <p className="font-medium">
                {check.mismatchCount === 1
                  ? "1 workspace's balance doesn't match its ledger"
                  : `${formatCount(check.mismatchCount)} workspaces' balances don't match their ledgers`}
              </p>
              <ul className="grid gap-2">
                {mismatches.slice(0, SHOWN_MISMATCHES).map((m) => (
                  <li key={m.workspaceId} className="grid gap-0.5">
                    <span className="font-medium break-words">{m.name}</span>
                    <span className="break-words">
                      Balance {credits(m.balance)} · Ledger sum {credits(m.ledgerSum)}
                    </span>
                    <span className="font-mono text-xs break-all text-muted-foreground">{m.workspaceId}</span>
                  </li>
                ))}
              </ul>
              {mismatches.length > SHOWN_MISMATCHES ? (
                <p>…and {formatCount(mismatches.length - SHOWN_MISMATCHES)} more.</p>
              ) : null}
            </Alert>
          )}
        </>
      )}
    </TitledCard>
  );
}
