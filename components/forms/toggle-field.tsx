import type { ReactNode } from "react";

/**
 * A setting's checkbox that always posts its name: "on" when ticked and "off" when not (a hidden
 * input goes first), so a save can turn the setting off. The description is wired to the box.
 */
export function ToggleField({
  name,
  label,
  description,
  defaultChecked,
  id = `toggle-${name}`,
}: {
  name: string;
  label: ReactNode;
  description: ReactNode;
  defaultChecked: boolean;
  id?: string;
}) {
  return (
    <div className="flex items-start gap-3 text-sm">
      <input type="hidden" name={name} value="off" />
      <input
        type="checkbox"
        id={id}
        name={name}
        value="on"
        defaultChecked={defaultChecked}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 shrink-0 accent-primary"
      />
      <div className="grid min-w-0 gap-1">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <p id={`${id}-description`} className="text-muted-foreground">
          {description}
        </p>
      </div>
    </div>
  );
}
