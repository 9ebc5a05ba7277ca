import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A labelled input with its validation messages wired up for screen readers. */
export function FormField({
  label,
  name,
  errors,
  hint,
  ...props
}: ComponentProps<"input"> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = props.id ?? `field-${name}`;
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy || undefined} {...props} />
      {hint && <p id={`${id}-hint`} className="text-xs text-muted-foreground">{hint}</p>}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
