import { FormField, fieldFrom } from "@/components/forms/form-field";
import type { ActionState } from "@/lib/auth/action";

/**
 * The local provider's card inputs (test checkout and card on file): number, expiry and security
 * code. Only the expiry comes back after a refused submit; the number and code are never echoed.
 */
export function CardFields({ state }: { state: ActionState }) {
  return (
    <>
      <FormField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        required
        errors={state.fieldErrors?.cardNumber}
      />
      <div className="grid grid-cols-2 gap-4">
        <FormField
          label="Expiry (MM/YY)"
          {...fieldFrom(state, "expiry")}
          autoComplete="cc-exp"
          placeholder="12/30"
          required
        />
        <FormField
          label="Security code"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          required
          errors={state.fieldErrors?.cvc}
        />
      </div>
    </>
  );
}
