"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { payWithSavedCardAction } from "./actions";

const newAttempt = () => crypto.randomUUID();

/**
 * "Pay with Visa ···4242" then "Pay $X with Visa ···4242": two clicks. Each dialog opening carries one attempt key, so a
 * double click or a retried submit of the same dialog charges once; a success starts a new key.
 */
export function SavedCardPay({
  pack,
  name,
  price,
  card,
}: {
  pack: string;
  name: string;
  price: string;
  card: string;
}) {
  const [attempt, setAttempt] = useState(newAttempt);
  return (
    <ConfirmButton
      trigger={`Pay with ${card}`}
      triggerLabel={`Pay with ${card} for ${name}`}
      triggerVariant="default"
      triggerClassName="w-full"
      title={`Buy ${name}?`}
      description={`${price} is charged to ${card} now; the credits arrive at once and never expire.`}
      confirmLabel={`Pay ${price} with ${card}`}
      pendingLabel="Paying…"
      confirmVariant="default"
      action={payWithSavedCardAction}
      fields={{ pack, attempt }}
      onDone={(message) => {
        setAttempt(newAttempt());
        toast.success(message);
      }}
    />
  );
}
