"use client";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import type { Interval } from "./billing";
import { useInterval } from "./interval-context";

const choices: { value: Interval; label: string }[] = [
  { value: "month", label: "Monthly" },
  { value: "year", label: "Annual" },
];

export function IntervalToggle({ saving }: { saving: string | null }) {
  const { interval, chooseInterval } = useInterval();
  return (
    <div className="flex flex-col items-center gap-3 sm:flex-row sm:justify-center">
      <div role="group" aria-label="Billing interval" className="inline-flex rounded-lg border bg-muted p-1">
        {choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            aria-pressed={interval === choice.value}
            onClick={() => chooseInterval(choice.value)}
            className={cn(
              "min-w-24 rounded-md px-4 py-2 text-sm font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              interval === choice.value
                ? "bg-background text-foreground shadow-sm"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {choice.label}
          </button>
        ))}
      </div>
      {saving ? (
        <Badge variant="secondary" data-testid="annual-saving">
          Annual: {saving}
        </Badge>
      ) : null}
    </div>
  );
}
