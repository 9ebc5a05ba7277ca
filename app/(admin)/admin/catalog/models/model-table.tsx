import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatBps } from "@/lib/catalog/money";
import type { Model } from "@/lib/db";
import { NameKey } from "../_components/catalog-section";

export type ModelRow = Model & { requiredTier: string | null };

const micros = (n: bigint) => `${n.toLocaleString("en-US")} µ$`;

function cost(model: Model) {
  if (model.unit === "token")
    return `${micros(model.inputCostPer1kMicros)} in / ${micros(model.outputCostPer1kMicros)} out per 1K tokens`;
  return `${micros(model.costPerUnitMicros)} per ${model.unit}`;
}

export function ModelTable({ appName, models }: { appName: string; models: ModelRow[] }) {
  return (
    <DataTable<ModelRow>
      label={`${appName} models`}
      minWidth="52rem"
      rows={models}
      rowKey={(model) => model.id}
      columns={[
        { header: "Model", kind: "primary", cell: (model) => <NameKey name={model.name} code={model.key} /> },
        { header: "Unit", className: "capitalize", cell: (model) => model.unit },
        { header: "Provider cost", kind: "money", className: "min-w-48 tabular-nums", cell: cost },
        { header: "Quota weight", kind: "numeric", priority: "low", cell: (model) => model.quotaWeight },
        {
          header: "Status",
          cell: (model) => (
            <div className="flex flex-wrap gap-1">
              <StatusBadge status={model.enabled ? "enabled" : "disabled"} />
              {model.free ? <Badge variant="outline">Free</Badge> : null}
              {model.beta ? <Badge variant="outline">Beta</Badge> : null}
            </div>
          ),
        },
        {
          header: "Markup override",
          kind: "numeric",
          cell: (model) =>
            model.markupOverrideBps === null ? (
              <span className="text-muted-foreground">—</span>
            ) : (
              formatBps(model.markupOverrideBps)
            ),
        },
        {
          header: "Required tier",
          priority: "low",
          cell: (model) => model.requiredTier ?? <span className="text-muted-foreground">No tier</span>,
        },
        {
          header: "Actions",
          kind: "actions",
          cell: (model) => (
            <Button asChild variant="outline" size="sm">
              <Link href={`/admin/catalog/models/${model.id}`} aria-label={`Edit ${model.key}`}>
                Edit
              </Link>
            </Button>
          ),
        },
      ]}
    />
  );
}
