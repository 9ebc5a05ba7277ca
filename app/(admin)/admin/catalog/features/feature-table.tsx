import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Feature } from "@/lib/db";
import { NameKey } from "../_components/catalog-section";
import { RowActions } from "../_components/row-actions";
import { deleteFeatureAction } from "./actions";

type Row = Feature & { tierCount: number };

export function FeatureTable({ features }: { features: Row[] }) {
  return (
    <DataTable<Row>
      label="Features"
      rows={features}
      rowKey={(feature) => feature.id}
      empty={
        <EmptyState
          title="No features yet"
          description="Add one below, then tick it for tiers in the matrix."
        />
      }
      columns={[
        {
          header: "Feature",
          kind: "primary",
          cell: (feature) => <NameKey name={feature.name} code={feature.key} />,
        },
        { header: "Category", cell: (feature) => feature.category },
        {
          header: "Kind",
          className: "whitespace-nowrap",
          cell: (feature) =>
            feature.kind === "limit" ? `Limit${feature.unit ? ` (${feature.unit})` : ""}` : "Yes / no",
        },
        { header: "Tiers", kind: "numeric", cell: (feature) => feature.tierCount },
        {
          header: "Actions",
          kind: "actions",
          cell: (feature) => (
            <RowActions
              name={feature.name}
              editHref={`/admin/catalog/features/${feature.id}`}
              remove={{
                id: feature.id,
                confirmLabel: "Delete feature",
                action: deleteFeatureAction,
                description: `Every tier loses it, and apps that check “${feature.key}” are told it is not included. This can't be undone.`,
              }}
            />
          ),
        },
      ]}
    />
  );
}
