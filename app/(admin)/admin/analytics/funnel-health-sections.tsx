import Link from "next/link";
import { BarChart } from "@/components/admin/charts/chart";
import { funnelRates, signupFunnel } from "@/lib/analytics/funnel";
import { systemHealth } from "@/lib/analytics/health";
import { assessHealth, worstLevel } from "@/lib/analytics/health-levels";
import type { ParsedRange } from "@/lib/analytics/range";
import { formatCount } from "@/lib/utils/format";
import { HealthBadge } from "@/components/admin/health-badge";
import { FiguresTable } from "./figures-table";
import { percent, rangeLabel } from "./format";
import { Section, TableBlock } from "./section";

export async function FunnelSection({ range }: { range: ParsedRange }) {
  const f = await signupFunnel(range);
  const r = funnelRates(f);
  const steps = [
    { step: "Signed up", users: f.signups, fromPrevious: null, overall: null },
    { step: "Verified email", users: f.verified, fromPrevious: r.verified, overall: r.verified },
    { step: "Paid", users: f.paid, fromPrevious: r.paid, overall: r.overall },
  ];
  return (
    <Section
      title="Sign-up funnel"
      description="People who signed up in the range, how many verified their email, and how many of those paid (at any time): a payment, or a plan bought through checkout. Comp plans don't count."
    >
      <BarChart
        title={`Sign-up funnel, ${rangeLabel(range)}`}
        data={steps.map((s) => ({ step: s.step, users: s.users }))}
        xKey="step"
        xFormat="text"
        series={[{ key: "users", label: "Users" }]}
        valueFormat="count"
      />
      <TableBlock title="Funnel" report="funnel" range={range}>
        <FiguresTable
          label="Funnel"
          minWidth="30rem"
          columns={["Step", "Users", "From previous step", "From sign-up"]}
          rows={steps}
          rowKey={(s) => s.step}
          labelClassName="font-medium"
          cells={(s, i) => [
            s.step,
            formatCount(s.users),
            i === 0 ? "" : percent(s.fromPrevious),
            i === 0 ? "" : percent(s.overall),
          ]}
        />
      </TableBlock>
    </Section>
  );
}

/** Health lives on the overview (one panel, with thresholds); here its verdict and the per-queue backlog. */
export async function HealthSection() {
  const h = await systemHealth();
  const overall = worstLevel(assessHealth(h));
  return (
    <Section title="System health" description="Right now, whatever the date range.">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <HealthBadge level={overall} />
        <span>
          Database, job backlog, email delivery, the ledger check and webhooks are graded on the{" "}
          <Link href="/admin" className="font-medium underline underline-offset-4">
            overview&rsquo;s health panel
          </Link>
          .
        </span>
      </p>
      <TableBlock title="Job queue backlog" report="queue-backlog">
        <FiguresTable
          label="Job queue backlog"
          minWidth="20rem"
          columns={["Queue", "Waiting jobs"]}
          rows={h.queues}
          rowKey={(q) => q.queue}
          labelClassName="font-mono text-xs"
          cells={(q) => [q.queue, q.waiting === null ? "unavailable" : formatCount(q.waiting)]}
        />
      </TableBlock>
    </Section>
  );
}
