"use client";

import { useRef, useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextareaField } from "../../catalog/_components/form-bits";
import { suspendAction, unsuspendAction } from "./actions";

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
  const common = { fields: { workspaceId }, onDone: setMessage, focusAfter: () => status.current?.focus() };
  return (
    <div className="grid justify-items-start gap-3">
      {suspended ? (
        <ConfirmButton
          {...common}
          key="unsuspend"
          trigger="Unsuspend workspace"
          triggerVariant="default"
          title={`Unsuspend ${name}?`}
          description="Its API keys work again from the next request."
          confirmLabel="Unsuspend"
          pendingLabel="Unsuspending…"
          confirmVariant="default"
          action={unsuspendAction}
          inputs={(state) => (
            <TextareaField
              label="Note (optional)"
              name="reason"
              id="unsuspend-reason"
              maxLength={300}
              defaultValue={state.values?.reason}
              errors={state.fieldErrors?.reason}
            />
          )}
        />
      ) : (
        <ConfirmButton
          {...common}
          key="suspend"
          trigger="Suspend workspace"
          title={`Suspend ${name}?`}
          description="Every API call with this workspace's keys is refused with 403 workspace_suspended from the next request until you unsuspend it. Members can still sign in and see their data."
          confirmLabel="Suspend"
          pendingLabel="Suspending…"
          action={suspendAction}
          inputs={(state) => (
            <TextareaField
              label="Reason"
              name="reason"
              id="suspend-reason"
              maxLength={300}
              defaultValue={state.values?.reason}
              errors={state.fieldErrors?.reason}
              hint="Stored in the audit log."
            />
          )}
        />
      )}
      <p ref={status} role="status" tabIndex={-1} className="text-sm focus-visible:outline-none">
        {message}
      </p>
    </div>
  );
}
