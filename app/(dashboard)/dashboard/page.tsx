// GET /dashboard — the subscriber's overview: plan, balance and runway, quota, refused calls, 30 days of usage, workspace and members.
import type { Metadata } from "next";
import Link from "next/link";
import { AccountCards, AccountWarnings } from "@/components/dashboard/account-cards";
import { RefusedCalls } from "@/components/dashboard/refused-calls";
import { UsageChart } from "@/components/dashboard/usage-chart";
import { Alert } from "@/components/ui/alert";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { creditsSpentLastWeek, runwayDays } from "@/lib/billing/runway";
import { refusalReport } from "@/lib/metering/refusal-report";
import { reportDays, usageByDayAndModel, workspaceOverview } from "@/lib/metering/reports";
import { capitalize, formatDate } from "@/lib/utils/format";
import { VerifyEmailAlert } from "./verify-email-alert";
import { Detail } from "@/components/ui/detail-list";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage(props: { searchParams: Promise<{ verified?: string }> }) {
  const [{ user, workspace, role }, { verified }] = await Promise.all([
    getDashboardContext(),
    props.searchParams,
  ]);
  const now = new Date();
  const [members, overview, usage, refusals, spentLastWeek] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: workspace.id },
      include: { user: { select: { email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    workspaceOverview(workspace.id, now),
    usageByDayAndModel(workspace.id, 30, now),
    refusalReport(workspace.id, now),
    creditsSpentLastWeek(workspace.id, now),
  ]);
  const runway = { days: runwayDays(overview.balanceMillicredits, spentLastWeek) };

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        title="Overview"
        description={
          <p>
            Signed in as <span className="break-all">{user.email}</span>, working in {workspace.name}.
          </p>
        }
      />

      {verified === "1" && user.emailVerifiedAt ? (
        <Alert variant="success">Your email is confirmed.</Alert>
      ) : null}
      {!user.emailVerifiedAt ? <VerifyEmailAlert email={user.email} /> : null}
      <AccountWarnings overview={overview} />

      <AccountCards overview={overview} renderedAt={now} runway={runway} />

      <RefusedCalls report={refusals} overageEnabled={overview.overageEnabled} />

      <TitledCard
        title="Usage, last 30 days"
        description={
          <>
            {overview.accountType === "subscription" ? "Quota units" : "Credits charged"} per day (UTC) by
            model.{" "}
            <Link
              href="/dashboard/usage"
              className="rounded-sm font-medium underline underline-offset-4 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              {" "}
              See every call{" "}
            </Link>
          </>
        }
        className="min-w-0"
        contentClassName="min-w-0"
      >
        {usage.length === 0 ? (
          <EmptyState
            title="No usage in the last 30 days"
            className="py-10"
            description={
              <>
                Calls your apps make with this workspace&apos;s{" "}
                <Link href="/dashboard/api-keys" className="underline underline-offset-4">
                  API keys
                </Link>{" "}
                show up here.
              </>
            }
          />
        ) : (
          <UsageChart
            days={reportDays(30, now)}
            rows={usage}
            metric={overview.accountType === "subscription" ? "quotaUnits" : "credits"}
          />
        )}
      </TitledCard>

      <div className="grid gap-6 md:grid-cols-2">
        <TitledCard title="Workspace" description="The workspace that owns plans, credits and API keys.">
          <dl className="grid gap-3 text-sm">
            <Item label="Name">{workspace.name}</Item>
            <Item label="Type">{workspace.personal ? "Personal" : "Team"}</Item>
            <Item label="Your role">
              <Badge variant="secondary">{capitalize(role)}</Badge>
            </Item>
            <Item label="Created">{formatDate(workspace.createdAt)}</Item>
          </dl>
        </TitledCard>

        <TitledCard title="Account" description="Change your name and password in Settings.">
          <dl className="grid gap-3 text-sm">
            <Item label="Email">{user.email}</Item>
            <Item label="Status">
              <StatusBadge status={user.emailVerifiedAt ? "verified" : "unverified"} />
            </Item>
            <Item label="Member since">{formatDate(user.createdAt)}</Item>
          </dl>
        </TitledCard>
      </div>

      <TitledCard
        title="Members"
        description={
          <>
            {members.length === 1
              ? "You are the only member of this workspace."
              : `${members.length} people share this workspace.`}
          </>
        }
      >
        <ul className="divide-y rounded-md border">
          {members.map((m) => (
            <li
              key={m.id}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm"
            >
              <div className="grid min-w-0 gap-0.5">
                <span className="font-medium break-words">
                  {m.user.name || m.user.email}
                  {m.userId === user.id ? (
                    <span className="font-normal text-muted-foreground"> (you)</span>
                  ) : null}
                </span>
                {m.user.name ? <span className="break-all text-muted-foreground">{m.user.email}</span> : null}
              </div>
              <Badge variant="secondary">{capitalize(m.role)}</Badge>
            </li>
          ))}
        </ul>
      </TitledCard>
    </div>
  );
}

// Label at one end of the line, value at the other.
const Item = (props: { label: string; children: ReactNode }) => <Detail layout="spread" {...props} />;
