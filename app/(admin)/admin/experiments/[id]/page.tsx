// GET /admin/experiments/[id] — one price experiment: its variants, start, results with the
// statistical read and a daily chart, and ending it (keep a variant's prices, or revert)
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LineChart } from "@/components/admin/charts/chart";
import { FormCard } from "@/components/admin/form-card";
import { ActionButton } from "@/components/forms/action-button";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents, formatExactCents } from "@/lib/catalog/money";
import { experimentResults } from "@/lib/experiments/results";
import { MIN_CONVERSIONS, MIN_VISITORS } from "@/lib/experiments/stats";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../../_components/admin-page";
import { endExperimentAction, startExperimentAction } from "../actions";
import { ExperimentStatus, variantPrices } from "../parts";

export const metadata: Metadata = { title: "Price experiment" };

type Results = Awaited<ReturnType<typeof experimentResults>>;
type Row = Results["variants"][number];

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

export default async function ExperimentPage(props: { params: Promise<{ id: string }> }) {
  await requireAdmin("catalog");
  const { id } = await props.params;
  const results = await experimentResults(id).catch(() => null);
  if (!results) notFound();
  const { experiment, variants, daily } = results;
  const total = variants.reduce((s, v) => s + v.weight, 0) || 1;
  const kept = variants.find((v) => v.id === experiment.keptVariantId);
  return (
    <AdminPage
      title={experiment.name}
      description={
        experiment.status === "draft"
          ? "A draft: nobody sees it until it is started."
          : `Started ${formatDate(experiment.startedAt!)}${experiment.endedAt ? `, ended ${formatDate(experiment.endedAt)}` : ""}.`
      }
      actions={<ExperimentStatus status={experiment.status} />}
    >
      {experiment.status === "ended" ? (
        <Alert>
          {kept
            ? `Variant ${kept.key} was kept: its prices are the catalog's for new sales.`
            : "Reverted: the catalog kept its prices."}{" "}
          Subscribers who bought during the experiment keep the price they bought.
        </Alert>
      ) : null}
      <DataTable<Row>
        label="Variants and results"
        rows={variants}
        rowKey={(v) => v.id}
        columns={[
          { header: "Variant", kind: "primary", cell: (v) => (v.control ? `${v.key} (control)` : v.key) },
          { header: "Share", kind: "numeric", cell: (v) => `${Math.round((v.weight / total) * 100)}%` },
          { header: "Prices", cell: (v) => variantPrices(v) },
          { header: "Visitors", kind: "numeric", cell: (v) => v.visitors.toLocaleString("en-US") },
          { header: "Sign-ups", kind: "numeric", cell: (v) => v.signUps.toLocaleString("en-US") },
          { header: "Paid", kind: "numeric", cell: (v) => v.conversions.toLocaleString("en-US") },
          { header: "Conversion", kind: "numeric", cell: (v) => percent(v.conversionRate) },
          { header: "Revenue", kind: "money", cell: (v) => formatCents(v.revenueCents) },
          {
            header: "Revenue per visitor",
            kind: "money",
            cell: (v) => formatExactCents(Math.round(v.revenuePerVisitorCents)),
          },
        ]}
      />
      {experiment.status !== "draft" ? <Reading variants={variants} /> : null}
      {daily.length > 0 ? (
        <FormCard
          title="Paid conversion rate by day"
          description="Cumulative: paid conversions so far over visitors so far, per variant, at the end of each day (UTC)."
        >
          <LineChart
            title="Cumulative paid conversion rate per variant by day"
            data={daily}
            xKey="day"
            xFormat="day"
            series={variants.map((v) => ({ key: v.key, label: v.control ? `${v.key} (control)` : v.key }))}
            valueFormat="percent"
          />
        </FormCard>
      ) : null}
      {experiment.status === "draft" ? (
        <FormCard
          title="Start"
          description="New visitors of the public pages are split between the variants from now on; checkout charges each the price they were shown."
        >
          <ActionButton
            action={startExperimentAction}
            fields={{ id }}
            label="Start experiment"
            pendingLabel="Starting…"
            variant="default"
          />
        </FormCard>
      ) : null}
      {experiment.status === "running" ? <EndCard id={id} variants={variants} /> : null}
    </AdminPage>
  );
}

/** The plain-words read of each variant against the control. */
function Reading({ variants }: { variants: Row[] }) {
  return (
    <FormCard
      title="What the numbers say"
      description={`Paid conversion rate against the control: a two-proportion z-test with the 95% confidence interval of the difference. No winner is named before each side has ${MIN_VISITORS} visitors and ${MIN_CONVERSIONS} paid conversions.`}
    >
      <ul className="grid gap-2">
        {variants
          .filter((v) => v.comparison)
          .map((v) => (
            <li key={v.id}>
              <Alert variant={v.comparison!.verdict === "better" ? "success" : undefined}>
                {v.comparison!.summary}
                {v.comparison!.enoughData ? ` p = ${v.comparison!.pValue.toFixed(3)}.` : ""}
              </Alert>
            </li>
          ))}
      </ul>
    </FormCard>
  );
}

function EndCard({ id, variants }: { id: string; variants: Row[] }) {
  return (
    <FormCard
      title="End the experiment"
      description="Keep a variant: its prices become the catalog's for new sales (a new plan version). Revert: the catalog stays as it is. Either way every visitor sees the catalog again and subscribers keep the price they bought."
    >
      <div className="flex flex-wrap gap-2">
        {variants
          .filter((v) => !v.control)
          .map((v) => (
            <ConfirmButton
              key={v.id}
              trigger={`Keep ${v.key}'s prices`}
              triggerVariant="default"
              title={`Keep variant ${v.key}'s prices?`}
              description={`${variantPrices(v)}. These become the prices new customers pay. Existing subscribers keep theirs.`}
              confirmLabel={`Yes, keep ${v.key}`}
              confirmVariant="default"
              pendingLabel="Ending…"
              action={endExperimentAction}
              fields={{ id, keep: v.id }}
            />
          ))}
        <ConfirmButton
          trigger="Revert to control"
          triggerVariant="outline"
          title="End and revert?"
          description="The catalog keeps its prices. Subscribers who bought a variant's price keep it."
          confirmLabel="Yes, revert"
          pendingLabel="Ending…"
          action={endExperimentAction}
          fields={{ id, keep: "control" }}
        />
      </div>
    </FormCard>
  );
}
