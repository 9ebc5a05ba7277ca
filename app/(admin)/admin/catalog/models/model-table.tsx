import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatBps } from "@/lib/catalog/money";
import type { Model } from "@/lib/db";
import { DataTable, Td, Th } from "@/components/ui/data-table";

export type ModelRow = Model & { requiredTier: string | null };

const micros = (n: bigint) => `${n.toLocaleString("en-US")} µ$`;

function cost(model: Model) {
  if (model.unit === "token")
    return `${micros(model.inputCostPer1kMicros)} in / ${micros(model.outputCostPer1kMicros)} out per 1K tokens`;
  return `${micros(model.costPerUnitMicros)} per ${model.unit}`;
}

export function ModelTable({ appName, models }: { appName: string; models: ModelRow[] }) {
  return (
    <DataTable label={`${appName} models`}>
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Unit</Th>
          <Th>Provider cost</Th>
          <Th className="text-right">Quota weight</Th>
          <Th>Status</Th>
          <Th className="text-right">Markup override</Th>
          <Th>Required tier</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model.id}>
            <Th scope="row" className="border-b bg-transparent font-normal text-foreground">
              <span className="block font-medium">{model.name}</span>
              <span className="block font-mono text-xs text-muted-foreground">{model.key}</span>
            </Th>
            <Td className="capitalize">{model.unit}</Td>
            <Td className="min-w-48 tabular-nums">{cost(model)}</Td>
            <Td className="text-right tabular-nums">{model.quotaWeight}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {model.enabled ? (
                  <Badge variant="outline">Enabled</Badge>
                ) : (
                  <Badge variant="secondary">Disabled</Badge>
                )}
                {model.free ? <Badge variant="outline">Free</Badge> : null}
                {model.beta ? <Badge variant="outline">Beta</Badge> : null}
              </div>
            </Td>
            <Td className="text-right tabular-nums">
              {model.markupOverrideBps === null ? (
                <span className="text-muted-foreground">—</span>
              ) : (
                formatBps(model.markupOverrideBps)
              )}
            </Td>
            <Td>{model.requiredTier ?? <span className="text-muted-foreground">No tier</span>}</Td>
            <Td>
              <div className="flex justify-end">
                <Button asChild variant="outline" size="sm">
                  <Link href={`/admin/catalog/models/${model.id}`} aria-label={`Edit ${model.key}`}>
                    Edit
                  </Link>
                </Button>
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
