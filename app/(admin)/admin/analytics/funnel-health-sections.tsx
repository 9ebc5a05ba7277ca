import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";
import { BarChart } from "@/components/admin/charts/chart";
import { funnelRates, signupFunnel } from "@/lib/analytics/funnel";
import { systemHealth } from "@/lib/analytics/health";
import type { ParsedRange } from "@/lib/analytics/range";
import { formatCount, formatDateTime } from "@/lib/utils/format";
import { FiguresTable } from "./figures-table";
import { percent, rangeLabel } from "./format";
import { Section, Stat, TableBlock } from "./section";

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

export async function HealthSection() {
  const h = await systemHealth();
  const check = h.ledgerCheck;
  return (
    <Section title="System health" description="Right now, whatever the date range.">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Database round trip" value={h.dbMs === null ? "unavailable" : `${h.dbMs} ms`} />
        <Stat
          label="Last ledger check"
          value={check ? check.day : "Not run yet"}
          hint={check ? `${formatCount(check.workspacesChecked)} workspaces checked` : undefined}
        />
        <Stat label="Emails failed" value={formatCount(h.email.failed)} />
        <Stat label="Emails queued over 10 minutes" value={formatCount(h.email.stuck)} />
      </dl>
      {check ? (
        <p className="flex items-center gap-2 text-sm">
          {check.mismatchCount === 0 ? (
            <>
              <CircleCheck className="size-4 shrink-0 text-success" aria-hidden /> All balances matched the
              ledger (run {formatDateTime(check.createdAt)}).
            </>
          ) : (
            <>
              <CircleAlert className="size-4 shrink-0 text-destructive" aria-hidden />
              <span>
                {formatCount(check.mismatchCount)}{" "}
                {check.mismatchCount === 1 ? "workspace's balance doesn't" : "workspaces' balances don't"}{" "}
                match the ledger.{" "}
                <Link href="/admin" className="font-medium underline underline-offset-4">
                  See the overview
                </Link>
              </span>
            </>
          )}
        </p>
      ) : null}
      {h.email.failed > 0 || h.email.stuck > 0 ? (
        <p className="text-sm">
          <Link href="/admin/outbox?status=failed" className="font-medium underline underline-offset-4">
            Open the email outbox
          </Link>
        </p>
      ) : null}
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
