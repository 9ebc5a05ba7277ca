"use client";

import type { ComponentProps } from "react";
import type { Interval } from "./billing";
import { useInterval } from "./interval-context";

// The parts of a plan card that follow the billing interval the visitor picks. The server renders
// the card and formats both intervals' text; these leaves only choose, so the browser hydrates a
// few text nodes and links instead of rendering whole cards (no price formatting, no class merging).

export function IntervalText({
  text,
  ...props
}: { text: Record<Interval, string> } & Omit<ComponentProps<"span">, "children">) {
  const { interval } = useInterval();
  return <span {...props}>{text[interval]}</span>;
}

export function IntervalLink({
  href,
  ...props
}: { href: Record<Interval, string> } & Omit<ComponentProps<"a">, "href">) {
  const { interval } = useInterval();
  return <a href={href[interval]} {...props} />;
}

const choices: { value: Interval; label: string }[] = [
  { value: "month", label: "Monthly" },
  { value: "year", label: "Annual" },
];

const choiceClass =
  "min-w-24 rounded-md px-4 py-2 text-sm font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/** The monthly/annual switch (./interval-toggle.tsx puts it beside the saving). */
export function IntervalButtons() {
  const { interval, chooseInterval } = useInterval();
  return (
    <div role="group" aria-label="Billing interval" className="inline-flex rounded-lg border bg-muted p-1">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          aria-pressed={interval === choice.value}
          onClick={() => chooseInterval(choice.value)}
          className={`${choiceClass} ${
            interval === choice.value
              ? "bg-background text-foreground shadow-sm"
              : "text-muted-foreground hover:text-foreground"
          }`}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
