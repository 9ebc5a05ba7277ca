import { FormCard } from "@/components/admin/form-card";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import type { tierVersions } from "@/lib/payments/plan-moves";
import { formatCount, formatDate } from "@/lib/utils/format";
import { MoveSubscribersForm } from "./move-subscribers-form";

type Version = Awaited<ReturnType<typeof tierVersions>>[number];

/** The tier's plan versions with their live subscribers, and the move to the current one. */
export function PlanVersions({
  tierId,
  currentVersionId,
  versions,
}: {
  tierId: string;
  currentVersionId: string | null;
  versions: Version[];
}) {
  const waiting = versions.filter((v) => v.id !== currentVersionId).reduce((n, v) => n + v.subscribers, 0);
  return (
    <FormCard
      title="Plan versions"
      description="Saving a new price, included credits or daily quota creates a version for new sales. Existing subscribers keep the version they bought until you move them."
    >
      <div className="grid gap-6">
        <DataTable<Version>
          label="Plan versions"
          rows={versions}
          rowKey={(v) => v.id}
          columns={[
            {
              header: "Version",
              kind: "primary",
              cell: (v) => (
                <span className="flex flex-wrap items-center gap-2">
                  {v.version}
                  {v.id === currentVersionId ? <StatusBadge status="active">Current</StatusBadge> : null}
                </span>
              ),
            },
            { header: "Since", cell: (v) => formatDate(v.createdAt) },
            { header: "Monthly", kind: "money", cell: (v) => formatCents(v.monthlyPriceCents, v.currency) },
            { header: "Annual", kind: "money", cell: (v) => formatCents(v.annualPriceCents, v.currency) },
            { header: "Included credits", kind: "money", cell: (v) => formatCredits(v.includedMillicredits) },
            { header: "Daily quota", kind: "numeric", cell: (v) => formatCount(v.dailyQuotaUnits) },
            { header: "Subscribers", kind: "numeric", cell: (v) => formatCount(v.subscribers) },
          ]}
        />
        {waiting > 0 ? (
          <MoveSubscribersForm tierId={tierId} waiting={waiting} />
        ) : (
          <p className="text-sm text-muted-foreground">Every subscriber is on the current version.</p>
        )}
      </div>
    </FormCard>
  );
}
