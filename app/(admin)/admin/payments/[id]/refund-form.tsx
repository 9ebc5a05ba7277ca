"use client";

import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatExactCents } from "@/lib/catalog/money";
import { PLAN_ACTIONS, REFUND_REASONS } from "@/lib/payments/refund-reasons";
import { issueRefundAction } from "../actions";
import { useRefundNotices } from "../refund-notice";

type Props = {
  paymentId: string;
  currency: string;
  refundableCents: number;
  /** Credits the payment bought (as a string: BigInt does not cross to the client). */
  millicredits: string;
  customer: string;
  plan: { name: string; endsOn: string } | null;
};

const toCents = (text: string) =>
  /^\d{1,7}(\.\d{1,2})?$/.test(text.trim()) ? Math.round(Number(text) * 100) : null;

/** The refund form: fill in, then a confirm step says what will happen before any money moves. */
export function RefundForm({ paymentId, currency, refundableCents, millicredits, customer, plan }: Props) {
  const notices = useRefundNotices();
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  const [amount, setAmount] = useState((refundableCents / 100).toFixed(2));
  const [reason, setReason] = useState("requested_by_customer");
  const [note, setNote] = useState("");
  const [planAction, setPlanAction] = useState("keep");
  const cents = toCents(amount);
  const money = (c: number) => formatExactCents(c, currency);
  const amountError =
    cents === null
      ? "Enter an amount like 39.50."
      : cents <= 0
        ? "Enter more than zero."
        : cents > refundableCents
          ? `At most ${money(refundableCents)} is left to refund.`
          : null;

  const consequences = [
    `${customer} gets ${cents ? money(cents) : "—"} back on the card they paid with, and an email saying so.`,
    BigInt(millicredits) > 0n
      ? "Credits the refunded share bought are taken back from the balance, pro-rata, as far as they are unspent (never below zero)."
      : null,
    plan
      ? planAction === "cancel_now"
        ? `The ${plan.name} plan ends now; the workspace moves to the free plan.`
        : planAction === "cancel_at_period_end"
          ? `The ${plan.name} plan will not renew: it ends on ${plan.endsOn}.`
          : `The ${plan.name} plan stays as it is.`
      : null,
    "The refund is recorded in the workspace's audit log.",
  ].filter(Boolean);

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={`Amount (${currency.toUpperCase()})`}
          name="amount-input"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          errors={amountError && amount !== "" ? [amountError] : undefined}
          hint={`Up to ${money(refundableCents)}. Several partial refunds are allowed until the total.`}
        />
        <SelectField
          label="Reason"
          name="reason-input"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        >
          {Object.entries(REFUND_REASONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label={reason === "other" ? "Note (required)" : "Note (optional)"}
          name="note-input"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          hint="Kept with the refund; for “Other” it is the reason the customer reads."
        />
        <SelectField
          label="The plan"
          name="plan-input"
          value={planAction}
          onChange={(e) => setPlanAction(e.target.value)}
          disabled={!plan}
          hint={
            plan ? `Currently ${plan.name}, renewing on ${plan.endsOn}.` : "This workspace has no paid plan."
          }
        >
          {Object.entries(PLAN_ACTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <ConfirmButton
          trigger="Review refund…"
          triggerVariant="default"
          title={`Refund ${cents && !amountError ? money(cents) : "this payment"}?`}
          description="This is what will happen:"
          details={
            <ul className="grid list-disc gap-1 pl-5 text-sm">
              {consequences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          }
          inputs={(state) =>
            state.fieldErrors ? (
              <ul className="grid gap-1 text-sm text-destructive">
                {Object.values(state.fieldErrors)
                  .flat()
                  .map((m) => (
                    <li key={m}>{m}</li>
                  ))}
              </ul>
            ) : null
          }
          confirmLabel="Confirm refund"
          pendingLabel="Refunding…"
          action={issueRefundAction}
          fields={{ paymentId, requestKey, amount, reason, note, planAction: plan ? planAction : "keep" }}
          onDone={(message) => {
            notices.announce(message);
            setRequestKey(crypto.randomUUID());
          }}
          focusAfter={notices.focus}
        />
      </div>
    </div>
  );
}
