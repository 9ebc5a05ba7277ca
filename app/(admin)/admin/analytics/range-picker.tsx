import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { FilterForm } from "@/components/forms/filter-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { presets, rangeQuery, type ParsedRange } from "@/lib/analytics/range";
import { cn } from "@/lib/utils/cn";

// Presets are links and the custom range a plain GET form: the range always lives in the URL.
export function RangePicker({
  range,
  basePath = "/admin/analytics",
}: {
  range: ParsedRange;
  basePath?: string;
}) {
  const options = presets();
  return (
    <div className="grid gap-3">
      <nav aria-label="Date range presets">
        <ul className="flex flex-wrap gap-2">
          {options.map(({ label, range: r }) => {
            const current = !range.error && r.fromDay === range.fromDay && r.toDay === range.toDay;
            return (
              <li key={label}>
                <Link
                  href={`${basePath}?${rangeQuery(r)}`}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "inline-flex h-9 items-center rounded-md border px-3 text-sm font-medium focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                    current
                      ? "border-primary bg-primary text-primary-foreground"
                      : "border-input bg-background hover:bg-accent hover:text-accent-foreground",
                  )}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <FilterForm action={basePath} label="Custom date range" active={false}>
        <DayInput name="from" label="From" day={range.fromDay} />
        <DayInput name="to" label="To" day={range.toDay} />
      </FilterForm>
      <p className="text-xs text-muted-foreground">Days are UTC; both dates are included.</p>
      {range.error ? <Alert variant="warning">{range.error}</Alert> : null}
    </div>
  );
}

function DayInput({ name, label, day }: { name: "from" | "to"; label: string; day: string }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={`analytics-${name}`}>{label}</Label>
      <Input id={`analytics-${name}`} name={name} type="date" defaultValue={day} required className="w-44" />
    </div>
  );
}
