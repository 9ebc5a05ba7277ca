import { ChevronDown } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

// The one styled native <select> (shadcn/ui's NativeSelect): for GET filter forms and forms that
// must work before hydration. It submits like any input, and phones show their own picker. For
// labels and field messages around it, see forms/select-field.tsx; for a styled listbox, Select.
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <div data-slot="native-select-wrapper" className="relative w-full">
      <select
        data-slot="native-select"
        className={cn(
          "flex h-10 w-full appearance-none rounded-md border border-input bg-background py-2 pr-9 pl-3 text-sm text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-destructive",
          className,
        )}
        {...props}
      />
      <ChevronDown
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
    </div>
  );
}

export type SelectOption = string | { value: string; label: ReactNode };

/**
 * A select's <option>s: `blank` first when given (value "", as in "All statuses" or "Prefer not to
 * say"), then each option; a string option is its own label.
 */
export function SelectOptions({ options, blank }: { options: readonly SelectOption[]; blank?: string }) {
  return (
    <>
      {blank === undefined ? null : <option value="">{blank}</option>}
      {options.map((option) => {
        const { value, label } = typeof option === "string" ? { value: option, label: option } : option;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
