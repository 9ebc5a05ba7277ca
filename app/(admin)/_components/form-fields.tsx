"use client";

import type { ComponentProps } from "react";
import { FormField } from "@/components/forms/form-field";
import type { useAdminForm } from "./admin-form";

/** One text input of a form, by the saved value it edits: FormField's label, hint and input props. */
export type FieldSpec<V> = { name: Extract<keyof V, string>; label: string; hint?: string } & Omit<
  ComponentProps<"input">,
  "name" | "defaultValue"
>;

/** Consecutive text inputs, one FormField per spec, each wired to the form with `field(name)`. */
export function FormFields<V extends object>({
  form,
  fields,
}: {
  form: ReturnType<typeof useAdminForm<V>>;
  fields: FieldSpec<V>[];
}) {
  return fields.map(({ name, ...spec }) => <FormField key={name} {...spec} {...form.field(name)} />);
}
