"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormMessage } from "../_components/form-bits";
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
      <div
        role="region"
        aria-label="Tier × model access matrix"
        tabIndex={0}
        className="relative min-w-0 overflow-x-auto rounded-lg border bg-card focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Which tiers can use which models</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b bg-muted px-4 py-3 font-medium text-muted-foreground">
                Model
              </th>
              {tiers.map((tier) => (
                <th
                  key={tier.id}
                  scope="col"
                  className="border-b bg-muted px-4 py-3 text-center font-medium whitespace-nowrap text-muted-foreground"
                >
                  {tier.name}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.id}>
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
                  <th scope="row" className="border-b px-4 py-2 text-left align-top font-normal">
                    <span className="block font-medium">{model.name}</span>
                    <span className="block font-mono text-xs text-muted-foreground">{model.key}</span>
                    <span className="block text-xs text-muted-foreground">
                      {model.requiredTier ? `Requires ${model.requiredTier}` : "No tier has it"}
                    </span>
                  </th>
                  {tiers.map((tier) => {
                    const pair = `${tier.id}:${model.id}`;
                    return (
                      <td key={pair} className="border-b px-4 py-2 text-center align-middle">
                        <input
                          type="checkbox"
                          name={`access:${pair}`}
                          defaultChecked={checked(pair)}
                          aria-label={`${tier.name} can use ${model.key}`}
                          className="size-4 accent-primary"
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <FormMessage state={state} />
      <SubmitButton className="justify-self-start" pendingLabel="Saving…">
        Save model access
      </SubmitButton>
    </form>
  );
}
