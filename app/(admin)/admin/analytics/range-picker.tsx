import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { presets, rangeQuery, type ParsedRange } from "@/lib/analytics/range";
import { cn } from "@/lib/utils/cn";

// Presets are links and the custom range a plain GET form: the range always lives in the URL.
export function RangePicker({ range }: { range: ParsedRange }) {
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
                  href={`/admin/analytics?${rangeQuery(r)}`}
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
      <form
        role="search"
        aria-label="Custom date range"
        action="/admin/analytics"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="grid gap-2">
          <Label htmlFor="analytics-from">From</Label>
          <Input
            id="analytics-from"
            name="from"
            type="date"
            defaultValue={range.fromDay}
            required
            className="w-44"
          />
        </div>
        <div className="grid gap-2">
          <Label htmlFor="analytics-to">To</Label>
          <Input
            id="analytics-to"
            name="to"
            type="date"
            defaultValue={range.toDay}
            required
            className="w-44"
          />
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      <p className="text-xs text-muted-foreground">Days are UTC; both dates are included.</p>
      {range.error ? <Alert variant="warning">{range.error}</Alert> : null}
    </div>
  );
}
