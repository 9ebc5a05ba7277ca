import { TollgateError } from "@tollgate/sdk";
import { millicredits, tierName, until } from "./format.js";

// What a refusal means to the person who met it, and the one thing they can do about it: the API's
// error codes (402 buy credits, 403 upgrade, 429 wait or upgrade) as a title, a sentence and an action.

/** A TollgateError, or an API error body ({error: {code, message, ...details}}) as an app passed it on. */
export type RefusalInput =
  | TollgateError
  | {
      error: { code: string; message?: string; [detail: string]: unknown };
      retryAfterSeconds?: number | null;
    };

export interface Refusal {
  code: string;
  title: string;
  message: string;
  action: { label: string; href: string } | null;
}

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function describeRefusal(input: RefusalInput, now = Date.now()): Refusal {
  const body = input instanceof TollgateError ? input.body.error : input.error;
  const retryAfter =
    input instanceof TollgateError
      ? input.retryAfterSeconds
      : (input.retryAfterSeconds ?? num(body.retryAfterSeconds));
  const code = body.code;
  switch (code) {
    case "insufficient_credits": {
      const required = num(body.requiredMillicredits);
      const balance = num(body.balanceMillicredits);
      const url = str(body.buyCreditsUrl);
      return {
        code,
        title: "Not enough credits",
        message:
          required !== null && balance !== null
            ? `This needs ${millicredits(required)}; you have ${millicredits(balance)}. Buy credits to continue.`
            : "Your balance cannot cover this. Buy credits to continue.",
        action: url ? { label: "Buy credits", href: url } : null,
      };
    }
    case "spend_cap_reached": {
      const resetsAt = str(body.resetsAt);
      const cap = num(body.capMillicredits);
      return {
        code,
        title: "Spending cap reached",
        message: `${cap !== null ? `The monthly cap of ${millicredits(cap)} is spent.` : "The monthly spending cap is reached."}${resetsAt ? ` It resets in ${until(resetsAt, now)}.` : ""} Ask the workspace owner to raise it.`,
        action: null,
      };
    }
    case "model_not_allowed": {
      const tier = str(body.requiredTier);
      const url = str(body.upgradeUrl);
      return {
        code,
        title: tier ? `Upgrade to ${tierName(tier)} to use this model` : "This model is not on your plan",
        message: tier
          ? `Your plan does not include this model. The ${tierName(tier)} plan does.`
          : "Your plan does not include this model. Upgrade to unlock it.",
        action: url ? { label: tier ? `Upgrade to ${tierName(tier)}` : "Upgrade", href: url } : null,
      };
    }
    case "quota_exceeded": {
      const resetsAt = str(body.resetsAt);
      const url = str(body.upgradeUrl);
      return {
        code,
        title: "Daily quota used up",
        message: `You have used today's quota.${resetsAt ? ` It resets in ${until(resetsAt, now)} (at ${new Date(resetsAt).toISOString().slice(11, 16)} UTC).` : ""} Upgrade for a bigger daily quota.`,
        action: url ? { label: "Upgrade plan", href: url } : null,
      };
    }
    case "rate_limited":
      return {
        code,
        title: "Too many requests",
        message: retryAfter !== null ? `Try again in ${retryAfter} s.` : "Try again in a moment.",
        action: null,
      };
    case "workspace_suspended":
      return {
        code,
        title: "Workspace suspended",
        message: "Contact support to restore access.",
        action: null,
      };
    default:
      return {
        code,
        title: "Something went wrong",
        message: str(body.message) ?? "The request could not be completed. Try again.",
        action: null,
      };
  }
}
