// GET /admin/analytics — revenue, subscriptions, credits, margins, funnel, usage and health for a date range (?from&to).
import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/session";
import { parseRange } from "@/lib/analytics/range";
import { AdminPage } from "../../_components/admin-page";
import { rangeLabel } from "./format";
import { FunnelSection, HealthSection } from "./funnel-health-sections";
import { CreditsSection, MarginSection } from "./money-sections";
import { RangePicker } from "./range-picker";
import { ActiveByTierSection, ChurnSection, RecurringRevenueSection } from "./revenue-sections";
import { SectionSkeleton } from "./section";
import { TopWorkspacesSection, UsagePatternsSection } from "./usage-sections";

export const metadata: Metadata = { title: "Analytics" };

// Each section queries on its own and streams in as soon as it is ready.
function Streamed({ title, children }: { title: string; children: ReactNode }) {
  return <Suspense fallback={<SectionSkeleton title={title} />}>{children}</Suspense>;
}

export default async function AnalyticsPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const range = parseRange(await props.searchParams);
  return (
    <AdminPage
      title="Analytics"
      description={`${rangeLabel(range)} (${range.days} ${range.days === 1 ? "day" : "days"}, UTC)`}
    >
      <RangePicker range={range} />
      <Streamed title="Recurring revenue">
        <RecurringRevenueSection range={range} />
      </Streamed>
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Streamed title="Active subscriptions by tier">
          <ActiveByTierSection range={range} />
        </Streamed>
        <Streamed title="New and churned subscriptions">
          <ChurnSection range={range} />
        </Streamed>
      </div>
      <Streamed title="Credits sold vs consumed">
        <CreditsSection range={range} />
      </Streamed>
      <Streamed title="Provider cost vs revenue">
        <MarginSection range={range} />
      </Streamed>
      <Streamed title="Sign-up funnel">
        <FunnelSection range={range} />
      </Streamed>
      <Streamed title="Usage by hour and model">
        <UsagePatternsSection range={range} />
      </Streamed>
      <Streamed title="Top workspaces by spend">
        <TopWorkspacesSection range={range} />
      </Streamed>
      <Streamed title="System health">
        <HealthSection />
      </Streamed>
    </AdminPage>
  );
}
