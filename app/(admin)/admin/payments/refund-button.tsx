"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useRef, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";
import { refundPaymentAction } from "./actions";
import { useRefundNotices } from "./refund-notice";

type Props = {
  paymentId: string;
  currency: string;
  /** The trigger's accessible name: "Refund" alone is ambiguous in a table. */
  triggerLabel: string;
  /** "Refund $79.00 in full (paid less than 24 hours ago)." */
  summary: string;
  /** What else happens, e.g. the credit clawback; omitted when nothing does. */
  consequence?: string;
  /** Which payment this is, repeated in the dialog so the admin can check before confirming. */
  details: { label: string; value: string }[];
};

// Money leaves the account, so a refund takes a second, explicit click. Radix traps focus and
// closes on Escape; after a refund focus moves to the success message, as the trigger goes away.
export function RefundButton({ paymentId, currency, triggerLabel, summary, consequence, details }: Props) {
  const [open, setOpen] = useState(false);
  const refunded = useRef(false);
  const notices = useRefundNotices();
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (next) refunded.current = false;
        setOpen(next);
      }}
    >
      <Dialog.Trigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={triggerLabel}>
          Refund
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/60" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            if (!refunded.current) return;
            event.preventDefault();
            notices.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-card p-6 text-card-foreground shadow-xl focus:outline-none"
        >
          <Dialog.Title className="text-lg font-semibold leading-tight">Refund this payment?</Dialog.Title>
          <Dialog.Description className="font-medium">{summary}</Dialog.Description>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            {details.map((d) => (
              <div key={d.label} className="contents">
                <dt className="text-muted-foreground">{d.label}</dt>
                <dd className="break-words">{d.value}</dd>
              </div>
            ))}
          </dl>
          {consequence ? <p className="text-sm text-muted-foreground">{consequence}</p> : null}
          {/* Mounted only while open, so each opening starts without the last attempt's error. */}
          <RefundForm
            paymentId={paymentId}
            currency={currency}
            onRefunded={(message) => {
              refunded.current = true;
              notices.announce(message);
              setOpen(false);
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RefundForm({ paymentId, currency, onRefunded }: { paymentId: string; currency: string; onRefunded: (message: string) => void }) {
  const [state, formAction] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await refundPaymentAction(prev, formData);
    if (next.ok) onRefunded(next.message ?? "Refunded.");
    return next;
  }, {});
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="id" value={paymentId} />
      <input type="hidden" name="currency" value={currency} />
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Dialog.Close asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </Dialog.Close>
        <SubmitButton variant="destructive" pendingLabel="Refunding…">
          Confirm refund
        </SubmitButton>
      </div>
    </form>
  );
}
