"use client";

import { Plus } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { calculate, DAYS_PER_MONTH, type Selection } from "@/lib/catalog/calculator";
import { formatBps, formatCents } from "@/lib/catalog/money";
import type { PublicCatalog } from "@/lib/catalog/public";
import { publicRuleBook } from "@/lib/catalog/price-rules";
import { parseVolume } from "./billing";
import { CalculatorResults } from "./calculator-results";
import { CalculatorRow, defaultVolumes, volumeFields, type Row } from "./calculator-row";
import { useInterval } from "./interval-context";
import { PricingRulesNote } from "./pricing-rules-note";

/** The row as the calculator's input, or null while any of its volumes is not a whole number. */
function toSelection(row: Row, unit: Parameters<typeof volumeFields>[0]): Selection | null {
  const selection: Selection = { modelKey: row.modelKey };
  for (const { field } of volumeFields(unit)) {
    const value = parseVolume(row[field]);
    if (value === null) return null;
    selection[field] = value;
  }
  return selection;
}

export function Calculator({ catalog }: { catalog: PublicCatalog }) {
  const { interval } = useInterval();
  const models = useMemo(
    () => new Map(catalog.apps.flatMap((a) => a.models).map((m) => [m.key, m])),
    [catalog],
  );
  const first = catalog.apps[0]?.models[0];
  const [rows, setRows] = useState<Row[]>(() =>
    first ? [{ id: 0, modelKey: first.key, ...defaultVolumes(first.unit) }] : [],
  );
  const [nextId, setNextId] = useState(1);
  // The page is static: rules resolve at the catalog's time on the server, then at the browser's
  // clock (minute by minute), so the time-of-day price shown is the one in force now.
  const [now, setNow] = useState(() => new Date(catalog.asOf ?? 0));
  useEffect(() => {
    const tick = () => setNow(new Date());
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, []);
  const book = useMemo(() => publicRuleBook(catalog.priceRules ?? []), [catalog]);

  const selections = rows.flatMap((r) => {
    const model = models.get(r.modelKey);
    const s = model ? toSelection(r, model.unit) : null;
    return s ? [s] : [];
  });
  const options = calculate(catalog, selections, interval, now);
  const cheapest = options.find((o) => o.cheapest);
  const currency = catalog.tiers[0]?.currency ?? "usd";
  const base = catalog.tiers.find((t) => t.monthlyPriceCents === 0 && t.annualPriceCents === 0);

  function update(id: number, patch: Partial<Row>) {
    setRows((all) =>
      all.map((r) => {
        if (r.id !== id) return r;
        const before = models.get(r.modelKey)?.unit;
        const after = patch.modelKey ? models.get(patch.modelKey)?.unit : before;
        // A different unit means different volumes: start that row again from sensible ones.
        return after && after !== before ? { ...r, ...patch, ...defaultVolumes(after) } : { ...r, ...patch };
      }),
    );
  }

  function addRow() {
    if (!first) return;
    setRows((all) => [...all, { id: nextId, modelKey: first.key, ...defaultVolumes(first.unit) }]);
    setNextId((n) => n + 1);
  }

  if (!first) return <p className="text-muted-foreground">No models are on sale right now.</p>;
  return (
    <div className="grid gap-8">
      <div className="rounded-lg border bg-card p-4 sm:p-6">
        {rows.map((row, index) => (
          <CalculatorRow
            key={row.id}
            row={row}
            index={index}
            apps={catalog.apps}
            unit={models.get(row.modelKey)?.unit ?? "request"}
            onChange={(patch) => update(row.id, patch)}
            onRemove={() => setRows((all) => all.filter((r) => r.id !== row.id))}
          />
        ))}
        <Button type="button" variant="outline" className="mt-4" onClick={addRow}>
          <Plus aria-hidden />
          Add a model
        </Button>
      </div>
      <div className="grid gap-4">
        <p className="text-sm text-muted-foreground">
          Plan prices are per month on {interval === "year" ? "annual" : "monthly"} billing; switch with
          Monthly and Annual above the plans.
        </p>
        <p aria-live="polite" className="font-medium">
          {cheapest
            ? `Cheapest for this usage: ${cheapest.name}, ${formatCents(cheapest.totalCents, currency)} a month.`
            : "Add a model with a valid monthly volume to compare the ways to pay."}
        </p>
        {selections.length > 0 ? (
          <CalculatorResults
            options={options}
            tiers={catalog.tiers}
            requiredTier={(k) => models.get(k)?.requiredTier ?? null}
            currency={currency}
          />
        ) : null}
        <PricingRulesNote
          book={book}
          models={[...new Set(selections.map((s) => s.modelKey))].flatMap((k) => models.get(k) ?? [])}
          tier={base}
          defaultMarkupBps={catalog.defaultMarkupBps}
          now={now}
        />
        <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
          <li>A month is {DAYS_PER_MONTH} days, with usage spread evenly over it.</li>
          <li>
            Pay as you go has no plan: every paid call draws credits at the {base?.name ?? "free"} plan&apos;s
            markup ({formatBps(base?.markupBps ?? catalog.defaultMarkupBps)} unless a model sets its own),
            with that plan&apos;s models. Credits cost $1 per 1,000.
          </li>
          <li>
            On a plan, calls use the daily quota first (daily quota × {DAYS_PER_MONTH}); what it cannot carry
            is charged in credits at the plan&apos;s markup, from its included credits first, then from
            credits you buy.
          </li>
          {catalog.priceRules?.length ? (
            <li>
              Time-of-day multipliers count at their average over a week of even usage; volume steps apply to
              each model&apos;s monthly volume, as they do to the month&apos;s charges.
            </li>
          ) : null}
          <li>
            Annual billing counts the yearly price divided by 12. Free models cost nothing and use no quota.
          </li>
        </ul>
      </div>
    </div>
  );
}
