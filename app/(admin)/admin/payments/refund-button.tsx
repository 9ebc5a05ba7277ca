"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
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

// Money leaves the account, so a refund takes a second, explicit click. After a refund focus moves
// to the success message above the table, as the trigger goes away.
export function RefundButton({ paymentId, currency, triggerLabel, summary, consequence, details }: Props) {
  const notices = useRefundNotices();
  return (
    <ConfirmButton
      trigger="Refund"
      triggerLabel={triggerLabel}
      triggerVariant="outline"
      triggerSize="sm"
      title="Refund this payment?"
      description={summary}
      descriptionClassName="font-medium"
      details={
        <>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            {details.map((d) => (
              <div key={d.label} className="contents">
                <dt className="text-muted-foreground">{d.label}</dt>
                <dd className="break-words">{d.value}</dd>
              </div>
            ))}
          </dl>
          {consequence ? <p className="text-sm text-muted-foreground">{consequence}</p> : null}
        </>
      }
      confirmLabel="Confirm refund"
      pendingLabel="Refunding…"
      action={refundPaymentAction}
      fields={{ id: paymentId, currency }}
      onDone={notices.announce}
      focusAfter={notices.focus}
    />
  );
}
