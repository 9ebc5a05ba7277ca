// GET /admin — the operator's overview: MRR and its change, subscriptions this month, failed
// payments, credits sold and used, the health panel (with the ledger check's "Run now"), recent
// activity and quick actions.
import type { Metadata } from "next";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { TitledCard } from "@/components/ui/card";
import {
  creditsThisMonth,
  failedPaymentsNeedingAttention,
  FAILED_PAYMENT_DAYS,
  mrrChange,
  recentActivity,
  subscriptionsThisMonth,
  type MrrChange,
} from "@/lib/admin/overview";
import { systemHealth } from "@/lib/analytics/health";
import { assessHealth } from "@/lib/analytics/health-levels";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { db, type LedgerCheck } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/session";
import { AdminPage } from "../_components/admin-page";
import { formatCount, formatDateTime } from "../_components/format";
import { HealthPanel } from "./health-panel";
import { ActivityFeed, KpiTiles, QuickActions, type Kpi } from "./overview-parts";

export const metadata: Metadata = { title: "Admin overview" };

function mrrHint(m: MrrChange) {
  if (m.changeCents === 0n) return "No change from 30 days ago";
  const sign = m.changeCents > 0n ? "+" : "−";
  const amount = formatCents(Math.abs(Number(m.changeCents)));
  const ratio = m.changeRatio === null ? "" : ` (${sign}${Math.abs(m.changeRatio * 100).toFixed(1)}%)`;
  return `${sign}${amount}${ratio} vs 30 days ago (${formatCents(Number(m.thenCents))})`;
}

export default async function AdminOverviewPage() {
  await requireAdmin();
  const now = new Date();
  const [mrr, subs, failed, credits, health, activity, users, workspaces] = await Promise.all([
    mrrChange(now),
    subscriptionsThisMonth(now),
    failedPaymentsNeedingAttention(now),
    creditsThisMonth(now),
    systemHealth(now),
    recentActivity(),
    db.user.count(),
    db.workspace.count(),
  ]);
  const month = now.toLocaleString("en-US", { month: "long", timeZone: "UTC" });

  const kpis: Kpi[] = [
    { label: "MRR", value: formatCents(Number(mrr.nowCents)), hint: mrrHint(mrr) },
    {
      label: `New subscriptions in ${month}`,
      value: formatCount(subs.new),
      hint: `${formatCount(subs.liveAtStart)} live on the 1st`,
    },
    {
      label: `Churned in ${month}`,
      value: formatCount(subs.churned),
      hint: "Ended, not counting plan changes",
    },
    {
      label: "Failed payments needing attention",
      value: formatCount(failed.unrecovered),
      href: "/admin/payments?status=failed",
      hint: `Failed in the last ${FAILED_PAYMENT_DAYS} days, not paid since · ${formatCount(failed.pastDue)} past due`,
    },
    {
      label: `Credits sold in ${month}`,
      value: formatCredits(credits.soldMillicredits),
      hint: `${formatCredits(credits.grantedMillicredits)} granted free`,
    },
    {
      label: `Credits consumed in ${month}`,
      value: formatCredits(credits.consumedMillicredits),
      hint: "Charged usage, holds excluded",
    },
    { label: "Users", value: formatCount(users), href: "/admin/users" },
    { label: "Workspaces", value: formatCount(workspaces), href: "/admin/workspaces" },
  ];

  return (
    <AdminPage
      title="Overview"
      description="Money, subscriptions and system health across Tollgate, right now."
    >
      <section aria-label="Key figures">
        <KpiTiles items={kpis} />
      </section>
      <HealthPanel
        items={assessHealth(health, now)}
        ledgerCheckedAt={health.ledgerCheck ? formatDateTime(health.ledgerCheck.createdAt) : null}
      />
      {health.ledgerCheck && health.ledgerCheck.mismatchCount > 0 ? (
        <LedgerMismatches check={health.ledgerCheck} />
      ) : null}
      <div className="grid min-w-0 gap-6 lg:grid-cols-[2fr_1fr]">
        <ActivityFeed entries={activity} />
        <QuickActions />
      </div>
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

/** Shown while the last ledger check found mismatches: which workspaces, to start investigating. */
function LedgerMismatches({ check }: { check: LedgerCheck }) {
  const parsed = mismatchesSchema.safeParse(check.mismatches);
  const mismatches = parsed.success ? parsed.data : [];
  return (
    <TitledCard
      title="Ledger mismatches"
      description={`The ledger check of ${check.day} compared ${formatCount(check.workspacesChecked)} workspaces' balances with their ledgers.`}
    >
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
    </TitledCard>
  );
}
