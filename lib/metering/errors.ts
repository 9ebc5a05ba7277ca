import { AppError } from "@/lib/errors";

// The v1 API's refusals (SPEC §3): each carries its code, status and details.
export class InvalidRequestError extends AppError {
  constructor(message: string, issues?: unknown) {
    super("invalid_request", message, 400, issues ? { issues } : {});
  }
}
export class InvalidApiKeyError extends AppError {
  constructor() {
    super("invalid_api_key", "Missing, unknown, revoked or expired API key.", 401);
  }
}
export class InsufficientCreditsError extends AppError {
  constructor(required: bigint, balance: bigint) {
    super("insufficient_credits", "The balance cannot cover this call.", 402, {
      requiredMillicredits: Number(required),
      balanceMillicredits: Number(balance),
    });
  }
}
// Which cap refused the call shows in the message only: the body keeps the documented shape.
export type SpendCap = "api_key" | "member";
export class SpendCapReachedError extends AppError {
  constructor(readonly cap: SpendCap = "api_key") {
    super(
      "spend_cap_reached",
      cap === "member" ? "Your monthly spend cap in this team would be exceeded." : "This API key's monthly spend cap would be exceeded.",
      402,
    );
  }
}
export class ModelNotAllowedError extends AppError {
  constructor(model: string, requiredTier: string | null) {
    super("model_not_allowed", `Your plan does not include ${model}.`, 403, { requiredTier });
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
  constructor() {
    super("idempotency_key_reused", "This Idempotency-Key was used with a different request body.", 409);
  }
}
export class QuotaExceededError extends AppError {
  constructor(readonly resetsAt: Date) {
    super("quota_exceeded", "The daily quota is used up.", 429, { resetsAt: resetsAt.toISOString() });
  }
}
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", "Too many requests for this API key this minute.", 429, { retryAfter: retryAfterSeconds });
  }
}
