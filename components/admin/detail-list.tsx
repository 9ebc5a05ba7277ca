import type { ReactNode } from "react";

/** A definition list of label/value pairs, two columns from small screens up. */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="grid gap-4 text-sm sm:grid-cols-2">{children}</dl>;
}

export function Detail({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "grid gap-1 sm:col-span-2" : "grid gap-1"}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 font-medium break-words">{children}</dd>
    </div>
  );
}

export const linkClass =
  "rounded-sm text-primary underline underline-offset-4 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
