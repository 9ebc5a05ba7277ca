import { formatCredits } from "@/lib/catalog/money";
import { AppError, rateLimitHeaders, type RateLimitState } from "@/lib/errors";
import { formatCount } from "@/lib/utils/format";
import { creditsHeader, quotaHeaders, type QuotaState } from "./headers";
import { appUrl, refusalPaths } from "./refusal-links";

// The v1 API's refusals (SPEC §3): each is constructed complete — code, status, details and the
// state its headers report — so nothing decorates it after it is thrown. (Rate limits: the one
// RateLimitedError in lib/errors.)

export class InvalidRequestError extends AppError {
  constructor(message: string, issues?: unknown) {
    super("invalid_request", message, 400, issues ? { issues } : {});
  }
}
export class InvalidApiKeyError extends AppError {
  constructor(
    /** The per-address window for failed keys, for the X-RateLimit-* headers. */
    readonly rateLimit: RateLimitState | null = null,
    message = "Missing, unknown, revoked or expired API key.",
  ) {
    super("invalid_api_key", message, 401);
  }
  override headers() {
    return { "WWW-Authenticate": "Bearer", ...(this.rateLimit ? rateLimitHeaders(this.rateLimit) : {}) };
  }
}
// Refusals say what the call needed and what is left, so a person can act on them.
const creditsNoun = (m: bigint) => `${formatCredits(m)} ${m === 1000n ? "credit" : "credits"}`;

export class InsufficientCreditsError extends AppError {
  constructor(
    required: bigint,
    readonly balance: bigint,
  ) {
    super(
      "insufficient_credits",
      `This call needs ${creditsNoun(required)}; ${creditsNoun(balance)} ${balance === 1000n ? "is" : "are"} left.`,
      402,
      {
        requiredMillicredits: Number(required),
        balanceMillicredits: Number(balance),
        buyCreditsUrl: appUrl(refusalPaths.buyCredits),
      },
    );
  }
  override headers() {
    return creditsHeader(this.balance);
  }
}
// Which cap refused the call shows in the message only: the body keeps the documented shape.
export type SpendCap = "api_key" | "member";
/** The refusing cap's month: its limit, what is spent (held reservations included) and when it resets. */
export type SpendCapState = { capMillicredits: bigint; spentMillicredits: bigint; resetsAt: Date };
export class SpendCapReachedError extends AppError {
  constructor(
    readonly cap: SpendCap,
    state: SpendCapState,
  ) {
    super(
      "spend_cap_reached",
      cap === "member"
        ? "Your monthly spend cap in this team would be exceeded."
        : "This API key's monthly spend cap would be exceeded.",
      402,
      {
        capMillicredits: Number(state.capMillicredits),
        spentMillicredits: Number(state.spentMillicredits),
        resetsAt: state.resetsAt.toISOString(),
      },
    );
  }
}
export class ModelNotAllowedError extends AppError {
  constructor(model: string, requiredTier: string | null) {
    super("model_not_allowed", `Your plan does not include ${model}.`, 403, {
      requiredTier,
      upgradeUrl: appUrl(refusalPaths.upgrade(requiredTier)),
    });
  }
}
export class WorkspaceSuspendedError extends AppError {
  constructor() {
    super("workspace_suspended", "This workspace is suspended. Contact support.", 403);
  }
}
export class ModelNotFoundError extends AppError {
  constructor(model: string) {
    super("model_not_found", `Unknown or disabled model: ${model}.`, 404);
  }
}
export class IdempotencyKeyReusedError extends AppError {
  constructor(what = "Idempotency-Key") {
    super("idempotency_key_reused", `This ${what} was used with a different request body.`, 409);
  }
}
/** "This call needs 10 quota units; 2 are left today." (or the bare fact when the need is unknown). */
function quotaMessage(quota: QuotaState | null, needed: number | null) {
  if (!quota || needed === null) return "The daily quota is used up.";
  const left = Math.max(0, quota.limit - quota.used);
  const units = needed === 1 ? "quota unit" : "quota units";
  return `This call needs ${formatCount(needed)} ${units}; ${formatCount(left)} ${left === 1 ? "is" : "are"} left today.`;
}

export class QuotaExceededError extends AppError {
  constructor(
    readonly resetsAt: Date,
    /** The day's counter when the call was refused, for the X-Quota-* headers. */
    readonly quota: QuotaState | null = null,
    /** The quota units the refused call needed. */
    needed: number | null = null,
  ) {
    super("quota_exceeded", quotaMessage(quota, needed), 429, {
      resetsAt: resetsAt.toISOString(),
      upgradeUrl: appUrl(refusalPaths.upgrade()),
    });
  }
  override headers() {
    return {
      "Retry-After": String(Math.max(1, Math.ceil((this.resetsAt.getTime() - Date.now()) / 1000))),
      ...quotaHeaders(this.quota),
    };
  }
}
