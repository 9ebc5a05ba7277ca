import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";

// A field's hint and validation errors, with the ids its control names in aria-describedby.

export function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  return (
    [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined
  );
}

export function FieldMessages({ id, errors, hint }: { id: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** A control's id and the ARIA attributes that tie it to its hint and errors. */
export function wiring(id: string, errors?: string[], hint?: ReactNode) {
  return {
    id,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy(id, errors, hint),
  };
}

/** A labelled control (given as children, wired with `wiring`) with its hint and errors under it. */
export function FieldFrame({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
