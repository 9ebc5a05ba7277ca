import { z } from "zod";
import { parseCredits } from "./money";

/** A billion credits: a spend cap above it is a typo. */
export const MAX_SPEND_CAP = 1_000_000_000_000n;

/**
 * A form's optional spend cap in credits, to millicredits: blank is no cap (null). A member's cap
 * may be 0 (they spend nothing); a key's must be positive (a key that may spend nothing is revoked).
 */
export function spendCapInput(message: string, { allowZero }: { allowZero: boolean }) {
  return z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      if (v === "") return null;
      const m = parseCredits(v);
      if (m === null || m < (allowZero ? 0n : 1n) || m > MAX_SPEND_CAP) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return m;
    });
}
