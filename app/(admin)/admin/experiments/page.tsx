// GET /admin/experiments — price experiments: the list, and a form for a new one
import type { Metadata } from "next";
import Link from "next/link";
import { FormCard } from "@/components/admin/form-card";
import { linkClass } from "@/components/admin/detail-list";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/session";
import { experimentTiers } from "@/lib/experiments/manage";
import { listExperiments } from "@/lib/experiments/results";
import { formatDate } from "@/lib/utils/format";
import { AdminPage } from "../../_components/admin-page";
import { ExperimentForm } from "./experiment-form";
import { ExperimentStatus, variantSummary } from "./parts";

export const metadata: Metadata = { title: "Price experiments" };

type Experiment = Awaited<ReturnType<typeof listExperiments>>[number];

export default async function ExperimentsPage() {
  await requireAdmin("catalog");
  const [experiments, tiers] = await Promise.all([listExperiments(), experimentTiers()]);
  return (
    <AdminPage
      title="Price experiments"
      description="Show new visitors different plan prices, see which converts, keep the winner. One experiment runs at a time; subscribers keep the price they bought."
    >
      <DataTable<Experiment>
        label="Experiments"
        rows={experiments}
        rowKey={(e) => e.id}
        empty={<EmptyState title="No experiments yet" description="Create a draft below, then start it." />}
        columns={[
          {
            header: "Name",
            kind: "primary",
            cell: (e) => (
              <Link href={`/admin/experiments/${e.id}`} className={linkClass}>
                {e.name}
              </Link>
            ),
          },
          { header: "Status", cell: (e) => <ExperimentStatus status={e.status} /> },
          { header: "Variants", cell: (e) => variantSummary(e.variants) },
          { header: "Visitors", kind: "numeric", cell: (e) => e._count.assignments.toLocaleString("en-US") },
          {
            header: "Started",
            priority: "low",
            cell: (e) => (e.startedAt ? formatDate(e.startedAt) : "—"),
          },
        ]}
      />
      <FormCard
        title="New experiment"
        description={
          tiers.length
            ? "A draft changes nothing until it is started."
            : "There is no paid plan on sale to test."
        }
      >
        {tiers.length ? <ExperimentForm tiers={tiers} /> : null}
      </FormCard>
    </AdminPage>
  );
}
