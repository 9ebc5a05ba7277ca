import { Check, Minus } from "lucide-react";

/** A boolean table cell that reads as a word, not just an icon. */
export function YesNo({ value, yes = "Yes", no = "No" }: { value: boolean; yes?: string; no?: string }) {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      {value ? (
        <Check className="size-4 text-success" aria-hidden />
      ) : (
        <Minus className="size-4 text-muted-foreground" aria-hidden />
      )}
      {value ? yes : no}
    </span>
  );
}
