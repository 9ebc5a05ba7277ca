import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TitledCard } from "@/components/ui/card";
import { rangeQuery, type ParsedRange } from "@/lib/analytics/range";
import type { ReportName } from "@/lib/analytics/reports";

const slug = (title: string) => `analytics-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** One dashboard section: a card with an h2, landmark-named after it. */
export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={slug(title)} className="min-w-0">
      <TitledCard
        title={title}
        titleId={slug(title)}
        description={description}
        className="min-w-0"
        contentClassName="grid min-w-0 gap-6"
      >
        {children}
      </TitledCard>
    </section>
  );
}

export function CsvLink({
  report,
  title,
  range,
}: {
  report: ReportName;
  title: string;
  range?: ParsedRange;
}) {
  return (
    <a
      href={`/api/admin/analytics/${report}${range ? `?${rangeQuery(range)}` : ""}`}
      download
      aria-label={`Download CSV: ${title}`}
      className={buttonVariants({ variant: "outline", size: "sm" })}
    >
      <Download aria-hidden /> Download CSV
    </a>
  );
}

/** A table (or chart and table) with its own h3 and the CSV download beside it. */
export function TableBlock({
  title,
  report,
  range,
  children,
}: {
  title: string;
  report: ReportName;
  range?: ParsedRange;
  children: ReactNode;
}) {
  return (
    <div className="grid min-w-0 gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <CsvLink report={report} title={title} range={range} />
      </div>
      {children}
    </div>
  );
}

/** Long day-by-day tables stay folded under their chart until asked for. */
export function Folded({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="group min-w-0">
      <summary className="cursor-pointer rounded-sm text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        {summary}
      </summary>
      <div className="mt-3 min-w-0">{children}</div>
    </details>
  );
}

export function SectionSkeleton({ title }: { title: string }) {
  return (
    <Section title={title}>
      <div role="status" aria-label={`Loading ${title.toLowerCase()}`} className="grid gap-3">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-48" />
      </div>
    </Section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="grid min-w-0 gap-1">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold break-words tabular-nums sm:text-3xl">{value}</dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}
