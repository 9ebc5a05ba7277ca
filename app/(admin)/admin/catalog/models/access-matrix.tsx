"use client";

import { useActionState } from "react";
import { Table, TableBody, TableCell, TableRowHead } from "@/components/ui/table";
import { NameKey } from "../_components/catalog-section";
import { TierHeader } from "../_components/tier-header";
import { SaveFooter } from "../../../_components/admin-form";
import { saveModelAccessAction } from "./actions";

export type AccessGroup = {
  id: string;
  name: string;
  models: { id: string; key: string; name: string; requiredTier: string | null }[];
};

type Props = {
  tiers: { id: string; name: string }[];
  groups: AccessGroup[];
  /** Saved pairs as "tierId:modelId". */
  saved: string[];
  /** Pairs of archived tiers: not shown, but posted back so saving keeps their subscribers' access. */
  hidden: string[];
};

export function AccessMatrix({ tiers, groups, saved, hidden }: Props) {
  const [state, formAction] = useActionState(saveModelAccessAction, {});
  const savedSet = new Set(saved);
  const checked = (pair: string) =>
    state.values ? state.values[`access:${pair}`] === "on" : savedSet.has(pair);

  return (
    <form action={formAction} className="grid gap-4">
      {hidden.map((pair) => (
        <input key={pair} type="hidden" name={`access:${pair}`} value="on" />
      ))}
      <Table label="Tier × model access matrix" layout="scroll" minWidth="0">
        <TierHeader first="Model" tiers={tiers} center />
        {groups.map((group) => (
          <TableBody key={group.id}>
            <tr>
              <th
                scope="rowgroup"
                colSpan={tiers.length + 1}
                className="border-b bg-muted/50 px-4 py-2 text-left font-semibold"
              >
                {group.name}
              </th>
            </tr>
            {group.models.map((model) => (
              <tr key={model.id}>
                <TableRowHead className="py-2 font-normal">
                  <NameKey name={model.name} code={model.key} />
                  <span className="block text-xs text-muted-foreground">
                    {model.requiredTier ? `Requires ${model.requiredTier}` : "No tier has it"}
                  </span>
                </TableRowHead>
                {tiers.map((tier) => {
                  const pair = `${tier.id}:${model.id}`;
                  return (
                    <TableCell key={pair} className="py-2 text-center align-middle">
                      <input
                        type="checkbox"
                        name={`access:${pair}`}
                        defaultChecked={checked(pair)}
                        aria-label={`${tier.name} can use ${model.key}`}
                        className="size-4 accent-primary"
                      />
                    </TableCell>
                  );
                })}
              </tr>
            ))}
          </TableBody>
        ))}
      </Table>
      <SaveFooter state={state} label="Save model access" />
    </form>
  );
}
