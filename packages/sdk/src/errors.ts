// Every refusal of the Tollgate API as a typed error (the API's closed list of codes), so an app
// can say what the user can do: buy credits, upgrade, wait. Unknown codes stay TollgateError.

export interface ErrorBody {
  error: { code: string; message: string; [detail: string]: unknown };
}

type Init = { status: number; body: ErrorBody; headers: Headers | null };

const detail = <T>(body: ErrorBody, key: string, fallback: T): T =>
  (body.error[key] as T | undefined) ?? fallback;

export class TollgateError extends Error {
  /** The API's error code, e.g. insufficient_credits; connection_error when no answer came back. */
  readonly code: string;
  /** The HTTP status; 0 when no answer came back. */
  readonly status: number;
  /** The request's id when the server sent one (X-Request-Id), for support. */
  readonly requestId: string | null;
  /** The whole error body, details included. */
  readonly body: ErrorBody;
  readonly headers: Headers | null;

  constructor({ status, body, headers }: Init) {
    super(body.error.message);
    this.name = new.target.name;
    this.code = body.error.code;
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.requestId = headers?.get("x-request-id") ?? null;
  }

  /** Seconds the server asked to wait (Retry-After), or null. */
  get retryAfterSeconds(): number | null {
    const value = Number(this.headers?.get("retry-after"));
    return Number.isFinite(value) && value >= 0 && this.headers?.get("retry-after") ? value : null;
  }
}

/** 401 invalid_api_key: missing, unknown, revoked or expired key (or a session token where none is accepted). */
export class AuthenticationError extends TollgateError {}

/** 400 invalid_request: the body failed validation; `issues` says where. */
export class ValidationError extends TollgateError {
  get issues(): unknown[] {
    return detail(this.body, "issues", []);
  }
}

/** 402 insufficient_credits: the balance cannot cover the call. */
export class InsufficientCreditsError extends TollgateError {
  get requiredMillicredits(): number {
    return detail(this.body, "requiredMillicredits", 0);
  }
  get balanceMillicredits(): number {
    return detail(this.body, "balanceMillicredits", 0);
  }
  /** Where the user buys credits (absolute URL). */
  get buyCreditsUrl(): string | null {
    return detail(this.body, "buyCreditsUrl", null);
  }
}

/** 402 spend_cap_reached: the key's or team member's monthly cap would be exceeded. */
export class SpendCapReachedError extends TollgateError {
  get capMillicredits(): number {
    return detail(this.body, "capMillicredits", 0);
  }
  get spentMillicredits(): number {
    return detail(this.body, "spentMillicredits", 0);
  }
  get resetsAt(): string | null {
    return detail(this.body, "resetsAt", null);
  }
}

/** 403 model_not_allowed: the plan lacks the model; `requiredTier` unlocks it. */
export class ModelNotAllowedError extends TollgateError {
  get requiredTier(): string | null {
    return detail(this.body, "requiredTier", null);
  }
  get upgradeUrl(): string | null {
    return detail(this.body, "upgradeUrl", null);
  }
}

/** 403 workspace_suspended. */
export class WorkspaceSuspendedError extends TollgateError {}

/** 404 model_not_found: unknown or disabled model. */
export class ModelNotFoundError extends TollgateError {}

/** 404 not_found: an unknown reservation, workspace or path. */
export class NotFoundError extends TollgateError {}

/** 409: the idempotency key was used with another body, or the reservation is already settled or expired. */
export class ConflictError extends TollgateError {}

/** 429 quota_exceeded: the daily quota is used up until `resetsAt`. */
export class QuotaExceededError extends TollgateError {
  get resetsAt(): string | null {
    return detail(this.body, "resetsAt", null);
  }
  get upgradeUrl(): string | null {
    return detail(this.body, "upgradeUrl", null);
  }
}

/** 429 rate_limited: the per-minute limit; retry after `retryAfterSeconds`. */
export class RateLimitedError extends TollgateError {}

/** No answer: the network failed (after the retries). Safe to retry with the same idempotency key. */
export class ConnectionError extends TollgateError {
  constructor(readonly cause: unknown) {
    super({
      status: 0,
      headers: null,
      body: {
        error: {
          code: "connection_error",
          message: `Tollgate could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
        },
      },
    });
  }
}

const BY_CODE: Record<string, new (init: Init) => TollgateError> = {
  invalid_api_key: AuthenticationError,
  invalid_request: ValidationError,
  insufficient_credits: InsufficientCreditsError,
  spend_cap_reached: SpendCapReachedError,
  model_not_allowed: ModelNotAllowedError,
  workspace_suspended: WorkspaceSuspendedError,
  model_not_found: ModelNotFoundError,
  not_found: NotFoundError,
  idempotency_key_reused: ConflictError,
  reservation_expired: ConflictError,
  reservation_settled: ConflictError,
  quota_exceeded: QuotaExceededError,
  rate_limited: RateLimitedError,
};

/** The typed error for an error answer (a body that is not the API's shape becomes http_<status>). */
export function errorFromResponse(status: number, body: unknown, headers: Headers | null): TollgateError {
  const shaped =
    body && typeof body === "object" && "error" in body && typeof (body as ErrorBody).error?.code === "string"
      ? (body as ErrorBody)
      : { error: { code: `http_${status}`, message: `Tollgate answered with status ${status}.` } };
  const Class = BY_CODE[shaped.error.code] ?? TollgateError;
  return new Class({ status, body: shaped, headers });
}
