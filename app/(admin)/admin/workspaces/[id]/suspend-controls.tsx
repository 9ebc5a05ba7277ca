"use client";

import { fieldFrom } from "@/components/forms/form-field";
import { useRef, useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextareaField } from "../../../_components/form-bits";
import { suspendAction, unsuspendAction } from "./actions";

// The two directions differ only in their words and action.
const copy = {
  suspend: {
    trigger: "Suspend workspace",
    triggerVariant: "destructive",
    title: (name: string) => `Suspend ${name}?`,
    description:
      "Every API call with this workspace's keys is refused with 403 workspace_suspended from the next request until you unsuspend it. Members can still sign in and see their data.",
    confirmLabel: "Suspend",
    pendingLabel: "Suspending…",
    confirmVariant: "destructive",
    action: suspendAction,
    reasonLabel: "Reason",
    hint: "Stored in the audit log.",
  },
  unsuspend: {
    trigger: "Unsuspend workspace",
    triggerVariant: "default",
    title: (name: string) => `Unsuspend ${name}?`,
    description: "Its API keys work again from the next request.",
    confirmLabel: "Unsuspend",
    pendingLabel: "Unsuspending…",
    confirmVariant: "default",
    action: unsuspendAction,
    reasonLabel: "Note (optional)",
    hint: undefined,
  },
} as const;

// One component for both directions, so the success message survives the page re-rendering with
// the other button.
export function SuspendControls({
  workspaceId,
  name,
  suspended,
}: {
  workspaceId: string;
  name: string;
  suspended: boolean;
}) {
  const [message, setMessage] = useState("");
  const status = useRef<HTMLParagraphElement>(null);
  const direction = suspended ? "unsuspend" : "suspend";
  const { title, reasonLabel, hint, ...words } = copy[direction];
  return (
    <div className="grid justify-items-start gap-3">
      <ConfirmButton
        key={direction}
        {...words}
        title={title(name)}
        fields={{ workspaceId }}
        onDone={setMessage}
        focusAfter={() => status.current?.focus()}
        inputs={(state) => (
          <TextareaField
            label={reasonLabel}
            {...fieldFrom(state, "reason")}
            id={`${direction}-reason`}
            maxLength={300}
            hint={hint}
          />
        )}
      />
      <p ref={status} role="status" tabIndex={-1} className="text-sm focus-visible:outline-none">
        {message}
      </p>
    </div>
  );
}
