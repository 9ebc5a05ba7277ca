"use client";

import { LoaderCircle } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { SelectOptions } from "@/components/ui/native-select";

export type WorkspaceOption = { id: string; name: string; role: string; personal: boolean };

export type WorkspaceSwitcherProps = {
  workspaces: WorkspaceOption[];
  currentId: string;
  /** Server action; reads formData.get("workspaceId"). */
  switchAction: (formData: FormData) => Promise<void>;
};

function optionLabel(workspace: WorkspaceOption): string {
  return workspace.personal ? `${workspace.name} (personal)` : `${workspace.name} (${workspace.role})`;
}

export function WorkspaceSwitcher({ workspaces, currentId, switchAction }: WorkspaceSwitcherProps) {
  if (workspaces.length <= 1) {
    const only = workspaces[0];
    return (
      <div className="flex min-w-0 flex-col gap-1">
        <span className="text-xs font-medium text-muted-foreground">Workspace</span>
        <span className="truncate text-sm font-medium">{only?.name ?? "No workspace"}</span>
      </div>
    );
  }
  return (
    <form action={switchAction} className="flex min-w-0 flex-col gap-1">
      <SwitcherFields workspaces={workspaces} currentId={currentId} />
    </form>
  );
}

function SwitcherFields({ workspaces, currentId }: Omit<WorkspaceSwitcherProps, "switchAction">) {
  const { pending } = useFormStatus();
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const refocus = useRef(false);

  // Disabling the select while pending drops keyboard focus; put it back when the switch is done.
  useEffect(() => {
    if (!pending && refocus.current) {
      refocus.current = false;
      selectRef.current?.focus();
    }
  }, [pending]);

  return (
    <>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        Workspace
      </label>
      <div className="relative flex items-center gap-2">
        {/* Keyed so the select remounts with the new default once the server confirms the switch
            (React resets uncontrolled fields to their default after a form action). */}
        <select
          key={currentId}
          ref={selectRef}
          id={id}
          name="workspaceId"
          defaultValue={currentId}
          disabled={pending}
          onChange={(event) => {
            refocus.current = document.activeElement === event.currentTarget;
            event.currentTarget.form?.requestSubmit();
          }}
          className="h-9 w-full min-w-0 rounded-md border border-input bg-background px-2 text-sm text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:cursor-wait disabled:opacity-60"
        >
          <SelectOptions options={workspaces.map((w) => ({ value: w.id, label: optionLabel(w) }))} />
        </select>
        {pending ? (
          <LoaderCircle aria-hidden className="size-4 shrink-0 animate-spin text-muted-foreground" />
        ) : null}
      </div>
      <span role="status" className="sr-only">
        {pending ? "Switching workspace…" : ""}
      </span>
      {/* Works before hydration or if requestSubmit is unavailable. */}
      <button
        type="submit"
        disabled={pending}
        className="sr-only self-start rounded-md border border-input bg-background text-sm font-medium focus:not-sr-only focus:px-3 focus:py-1 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        Switch
      </button>
    </>
  );
}
