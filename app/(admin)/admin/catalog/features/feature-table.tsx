import type { Feature } from "@/lib/db";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { RowActions } from "../_components/row-actions";
import { deleteFeatureAction } from "./actions";

export function FeatureTable({ features }: { features: (Feature & { tierCount: number })[] }) {
  return (
    <DataTable label="Features">
      <thead>
        <tr>
          <Th>Feature</Th>
          <Th>Category</Th>
          <Th>Kind</Th>
          <Th className="text-right">Tiers</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
        {features.map((feature) => (
          <tr key={feature.id}>
            <Th scope="row" className="border-b bg-transparent font-normal whitespace-normal text-foreground">
              <span className="block font-medium">{feature.name}</span>
              <span className="block font-mono text-xs text-muted-foreground">{feature.key}</span>
            </Th>
            <Td>{feature.category}</Td>
            <Td className="whitespace-nowrap">
              {feature.kind === "limit" ? `Limit${feature.unit ? ` (${feature.unit})` : ""}` : "Yes / no"}
            </Td>
            <Td className="text-right tabular-nums">{feature.tierCount}</Td>
            <Td>
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
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
