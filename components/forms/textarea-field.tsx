import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { FieldFrame, wiring } from "./field-messages";

type Extra = { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** A labelled textarea with its messages wired for screen readers. */
const controlClass =
  "flex w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-[invalid=true]:border-destructive";

export function TextareaField({
  label,
  name,
  errors,
  hint,
  className,
  ...props
}: ComponentProps<"textarea"> & Extra) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <textarea
        {...wiring(id, errors, hint)}
        name={name}
        rows={2}
        className={cn(controlClass, "min-h-16", className)}
        {...props}
      />
    </FieldFrame>
  );
}
