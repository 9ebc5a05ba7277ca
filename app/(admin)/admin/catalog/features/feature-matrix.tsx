"use client";

import { useActionState } from "react";
import { Table, TableBody, TableCell, TableRow, TableRowHead } from "@/components/ui/table";
import { TierHeader } from "../_components/tier-header";
import { SaveFooter } from "../../../_components/admin-form";
import { saveFeatureMatrixAction } from "./actions";

export type MatrixTier = { id: string; name: string };
export type MatrixFeature = { id: string; name: string; kind: "boolean" | "limit"; unit: string | null };

type Props = {
  tiers: MatrixTier[];
  features: MatrixFeature[];
  /** Saved cells by "tierId:featureId": the limit as typed ("" = unlimited or yes/no). */
  saved: Record<string, string>;
  /** Cells of archived tiers: not shown, but posted back so saving keeps their subscribers' entitlements. */
  hidden: { tierId: string; featureId: string; limit: string }[];
};

export function FeatureMatrix({ tiers, features, saved, hidden }: Props) {
  const [state, formAction] = useActionState(saveFeatureMatrixAction, {});
  const has = (cell: string) => (state.values ? state.values[`has:${cell}`] === "on" : cell in saved);
  const limit = (cell: string) => state.values?.[`limit:${cell}`] ?? saved[cell] ?? "";

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      {hidden.map((c) => (
        <span key={`${c.tierId}:${c.featureId}`} hidden>
          <input type="hidden" name={`has:${c.tierId}:${c.featureId}`} value="on" />
          <input type="hidden" name={`limit:${c.tierId}:${c.featureId}`} value={c.limit} />
        </span>
      ))}
      <Table label="Tier × feature matrix" layout="scroll" minWidth="0">
        <TierHeader first="Feature" tiers={tiers} />
        <TableBody>
          {features.map((feature) => (
            <TableRow key={feature.id}>
              <TableRowHead>
                {feature.name}
                {feature.kind === "limit" ? (
                  <span className="block text-xs font-normal text-muted-foreground">
                    Limit{feature.unit ? ` (${feature.unit})` : ""}, blank = unlimited
                  </span>
                ) : null}
              </TableRowHead>
              {tiers.map((tier) => {
                const cell = `${tier.id}:${feature.id}`;
                const limitErrors = state.fieldErrors?.[`limit:${cell}`];
                const errorId = `limit-error-${tier.id}-${feature.id}`;
                return (
                  <TableCell key={cell}>
                    <div className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        name={`has:${cell}`}
                        defaultChecked={has(cell)}
                        aria-label={`${tier.name} has ${feature.name}`}
                        className="size-4 shrink-0 accent-primary"
                      />
                      {feature.kind === "limit" ? (
                        <input
                          name={`limit:${cell}`}
                          inputMode="numeric"
                          defaultValue={limit(cell)}
                          placeholder="∞"
                          aria-label={`${tier.name} ${feature.name} limit`}
                          aria-invalid={limitErrors ? true : undefined}
                          aria-describedby={limitErrors ? errorId : undefined}
                          className="h-8 w-20 rounded-md border border-input bg-background px-2 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none aria-[invalid=true]:border-destructive"
                        />
                      ) : null}
                    </div>
                    {limitErrors ? (
                      <p id={errorId} className="mt-1 max-w-40 text-xs text-destructive">
                        {limitErrors.join(" ")}
                      </p>
                    ) : null}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SaveFooter state={state} label="Save feature matrix" />
    </form>
  );
}
