"use client";

import { useActionState, useRef, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { changePlanAction } from "./actions";
import type { PlanChangeOption } from "./plan-options";

/** The other plans, each opening a confirm step that states exactly what is charged and when. */
export function ChangePlan({ options, preselected }: { options: PlanChangeOption[]; preselected?: string }) {
  const [state, action] = useActionState(changePlanAction, {});
  // A link that chose a plan (the Models page's "Upgrade to unlock", the pricing page) opens its quote.
  const [open, setOpen] = useState<string | null>(preselected ?? null);
  // A change that went through closes its confirm step (the list itself is re-rendered by the server).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setOpen(null);
  }
  const failedKey = state.error && state.values ? `${state.values.plan}:${state.values.interval}` : null;
  if (options.length === 0)
    return <p className="text-sm text-muted-foreground">There are no other plans to switch to.</p>;
  return (
    <div className="grid gap-3">
      {state.ok && state.message ? <Alert variant="success">{state.message}</Alert> : null}
      <ul className="grid gap-3">
        {options.map((o) => (
          <OptionRow
            key={o.key}
            option={o}
            open={open === o.key}
            onToggle={(next) => setOpen(next ? o.key : null)}
            action={action}
            error={failedKey === o.key ? state.error : undefined}
          />
        ))}
      </ul>
    </div>
  );
}

function OptionRow(props: {
  option: PlanChangeOption;
  open: boolean;
  onToggle: (open: boolean) => void;
  action: (formData: FormData) => void;
  error?: string;
}) {
  const { option: o, open, onToggle, action, error } = props;
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = `change-${o.key.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <li className={cn("grid gap-3 rounded-lg border p-4", open && "border-primary ring-1 ring-primary")}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="grid min-w-0 gap-0.5">
          <p className="font-medium">{o.title}</p>
          <p className="text-sm text-muted-foreground">
            {o.price} · {o.summary}
          </p>
        </div>
        <Button
          ref={trigger}
          type="button"
          size="sm"
          variant={open ? "secondary" : "outline"}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => onToggle(!open)}
        >
          {o.label}
        </Button>
      </div>
      {open ? (
        <form id={panelId} action={action} className="grid gap-3 border-t pt-3">
          <input type="hidden" name="plan" value={o.tierCode} />
          <input type="hidden" name="interval" value={o.interval} />
          {error ? <Alert variant="error">{error}</Alert> : null}
          <p className="text-sm">{o.confirm}</p>
          <div className="flex flex-wrap gap-2">
            {/* Focus moves into the confirm step, so keyboard and screen reader users land on it. */}
            <SubmitButton size="sm" autoFocus pendingLabel="Changing plan…">
              {o.confirmLabel}
            </SubmitButton>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => {
                onToggle(false);
                trigger.current?.focus();
              }}
            >
              Keep current plan
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
