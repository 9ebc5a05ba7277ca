import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Feature } from "@/lib/db";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { ConfirmDialog } from "../_components/confirm-dialog";
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
            <Th scope="row" className="whitespace-normal border-b bg-transparent font-normal text-foreground">
              <span className="block font-medium">{feature.name}</span>
              <span className="block font-mono text-xs text-muted-foreground">{feature.key}</span>
            </Th>
            <Td>{feature.category}</Td>
            <Td className="whitespace-nowrap">{feature.kind === "limit" ? `Limit${feature.unit ? ` (${feature.unit})` : ""}` : "Yes / no"}</Td>
            <Td className="text-right tabular-nums">{feature.tierCount}</Td>
            <Td>
              <div className="flex justify-end gap-2">
                <Button asChild variant="outline" size="sm">
                  <Link href={`/admin/catalog/features/${feature.id}`} aria-label={`Edit ${feature.name}`}>
                    Edit
                  </Link>
                </Button>
                <ConfirmDialog
                  trigger="Delete"
                  triggerVariant="outline"
                  triggerLabel={`Delete ${feature.name}`}
                  title={`Delete ${feature.name}?`}
                  description={`Every tier loses it, and apps that check “${feature.key}” are told it is not included. This can't be undone.`}
                  confirmLabel="Delete feature"
                  pendingLabel="Deleting…"
                  action={deleteFeatureAction}
                  fields={{ id: feature.id }}
                />
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
