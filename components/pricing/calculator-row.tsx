"use client";

import { X } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { PublicCatalog, PublicModel } from "@/lib/catalog/public";
import { parseVolume } from "./billing";

export type VolumeField = "quantity" | "inputTokens" | "outputTokens";
export type Row = { id: number; modelKey: string } & Record<VolumeField, string>;

const volumeLabel: Record<Exclude<PublicModel["unit"], "token">, string> = {
  image: "Images per month",
  second: "Seconds per month",
  request: "Requests per month",
};

/** The inputs a model's unit asks for: tokens in and out, or one count. */
export function volumeFields(unit: PublicModel["unit"]): { field: VolumeField; label: string }[] {
  if (unit === "token") {
    return [
      { field: "inputTokens", label: "Input tokens per month" },
      { field: "outputTokens", label: "Output tokens per month" },
    ];
  }
  return [{ field: "quantity", label: volumeLabel[unit] }];
}

/** A month a small product might plausibly run, so the first estimate means something. */
export function defaultVolumes(unit: PublicModel["unit"]): Record<VolumeField, string> {
  const quantity = { request: "1000", image: "200", second: "300", token: "1000" }[unit];
  return { quantity, inputTokens: "2000000", outputTokens: "500000" };
}

export function CalculatorRow({
  row,
  index,
  apps,
  unit,
  onChange,
  onRemove,
}: {
  row: Row;
  index: number;
  apps: PublicCatalog["apps"];
  unit: PublicModel["unit"];
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const fieldClass = "flex min-w-0 flex-[1_1_10rem] flex-col gap-2";
  return (
    <fieldset className="flex flex-wrap items-start gap-4 border-b py-4 first:pt-0">
      <legend className="sr-only">Model {index + 1}</legend>
      <div className="flex min-w-0 flex-[2_1_14rem] flex-col gap-2">
        <Label htmlFor={`${id}-model`}>Model</Label>
        <select
          id={`${id}-model`}
          value={row.modelKey}
          onChange={(e) => onChange({ modelKey: e.target.value })}
          className="h-10 w-full rounded-md border border-input bg-background px-3 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {apps.map((app) => (
            <optgroup key={app.key} label={app.name}>
              {app.models.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.name}
                  {m.beta ? " (beta)" : ""}
                  {m.free ? " (free)" : ""}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {volumeFields(unit).map(({ field, label }) => {
        const invalid = parseVolume(row[field]) === null;
        return (
          <div key={field} className={fieldClass}>
            <Label htmlFor={`${id}-${field}`}>{label}</Label>
            <Input
              id={`${id}-${field}`}
              inputMode="numeric"
              autoComplete="off"
              value={row[field]}
              onChange={(e) => onChange({ [field]: e.target.value })}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-${field}-error` : undefined}
            />
            {invalid ? (
              <p id={`${id}-${field}-error`} className="text-sm text-destructive">
                Enter a whole number of 0 or more, like 1000. This model is left out of the estimate until
                then.
              </p>
            ) : null}
          </div>
        );
      })}
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="mt-[1.375rem] shrink-0"
        aria-label={`Remove model ${index + 1}`}
        onClick={onRemove}
      >
        <X aria-hidden />
      </Button>
    </fieldset>
  );
}
