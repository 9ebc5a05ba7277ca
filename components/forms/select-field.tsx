"use client";

import { useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { FieldFrame, wiring } from "./field-messages";
import type { ActionState } from "@/lib/auth/action";

// React 19 resets a form once its action has run (form.reset()), and a reset puts every <select>
// back on its *default* option. React marks a default only when an uncontrolled select mounts
// (defaultValue) — never for a controlled value, nor when defaultValue changes later. So after a
// refused submit a select jumped back to its first option ("Grant credits") while the state derived
// from it (the red "Deduct credits" button) kept the choice, and the next press granted.
//
// The select here keeps its default option on the option shown, so a reset leaves it where it is,
// and `useChoice` takes the choice from what the last submit actually sent. What is shown, what is
// submitted and what is derived from it cannot disagree.

/** Makes `value` the option a form reset returns to (the selected one first, so none is ever left without). */
function keepAsDefault(select: HTMLSelectElement, value: string) {
  const options = Array.from(select.options);
  for (const o of options) if (o.value === value && !o.defaultSelected) o.defaultSelected = true;
  for (const o of options) if (o.value !== value && o.defaultSelected) o.defaultSelected = false;
}

type Props = ComponentProps<"select"> & { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** A labelled select with its messages wired for screen readers, which a form reset cannot move. */
export function SelectField({ label, name, errors, hint, children, className, onChange, ...props }: Props) {
  const id = props.id ?? `field-${name}`;
  const ref = useRef<HTMLSelectElement>(null);
  const controlled = props.value !== undefined;
  const value = controlled ? String(props.value) : null;
  // Controlled: after each commit the value on show is also the default.
  useLayoutEffect(() => {
    if (ref.current && value !== null) keepAsDefault(ref.current, value);
  });
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <NativeSelect
        ref={ref}
        {...wiring(id, errors, hint)}
        name={name}
        className={className}
        onChange={(e) => {
          // Uncontrolled: the option just chosen is what a reset returns to.
          if (!controlled) keepAsDefault(e.currentTarget, e.currentTarget.value);
          onChange?.(e);
        }}
        {...props}
      >
        {children}
      </NativeSelect>
    </FieldFrame>
  );
}

/**
 * The value of a select that drives what else the form shows (a button's wording, which fields
 * appear). Starts at `initial`; after each submit that hands its values back (a refused or invalid
 * one), it is what that submit sent. Pass `value` and `onChange` to `SelectField`.
 */
export function useChoice<T extends string>(
  state: ActionState,
  name: string,
  choices: readonly T[],
  initial: T,
) {
  const [value, setValue] = useState<T>(initial);
  const [lastState, setLastState] = useState(state);
  const isChoice = (v: unknown): v is T =>
    typeof v === "string" && (choices as readonly string[]).includes(v);
  if (lastState !== state) {
    setLastState(state);
    const sent = state.values?.[name];
    if (isChoice(sent) && sent !== value) setValue(sent);
  }
  return {
    value,
    onChange: (e: { currentTarget: { value: string } }) =>
      isChoice(e.currentTarget.value) && setValue(e.currentTarget.value),
  } as const;
}
