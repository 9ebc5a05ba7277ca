import { AppError } from "@/lib/errors";
import { log } from "@/lib/observability/logger";

// The API's closed list of error codes (SPEC §3 and §8.1) and the one mapping from a thrown error
// to an HTTP response. The v1 API, the management API and the chat proxy all answer through
// errorResponse; a code missing from this list is a bug and answers 500 (and is logged).

export const API_ERROR_STATUS = {
  invalid_request: 400,
  invalid_api_key: 401,
  insufficient_credits: 402,
  spend_cap_reached: 402,
  model_not_allowed: 403,
  workspace_suspended: 403,
  insufficient_scope: 403,
  not_found: 404,
  model_not_found: 404,
  method_not_allowed: 405,
  idempotency_key_reused: 409,
  already_exists: 409,
  reservation_expired: 409,
  reservation_settled: 409,
  payload_too_large: 413,
  quota_exceeded: 429,
  rate_limited: 429,
  internal_error: 500,
  provider_auth_failed: 502,
  upstream_unavailable: 502,
  provider_unavailable: 503,
  upstream_timeout: 504,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

export const isApiErrorCode = (code: string): code is ApiErrorCode => Object.hasOwn(API_ERROR_STATUS, code);

export const INTERNAL_ERROR_MESSAGE = "Something went wrong. Retry with the same Idempotency-Key.";

export class PayloadTooLargeError extends AppError {
  constructor(readonly limitBytes: number) {
    super("payload_too_large", `The request body is larger than ${Math.round(limitBytes / 1024)} KB.`, 413, {
      limitBytes,
    });
  }
}

/** An admin API key without the scope (read / write / refund) the route needs. */
export class InsufficientScopeError extends AppError {
  constructor(scope: string) {
    super("insufficient_scope", `This admin API key lacks the "${scope}" scope.`, 403, { scope });
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allow: readonly string[],
  ) {
    super(
      "method_not_allowed",
      `${method.slice(0, 16)} is not supported here. Use ${allow.join(" or ")}.`,
      405,
      { allow: [...allow] },
    );
  }
  override headers() {
    return { Allow: this.allow.join(", ") };
  }
}

export class RouteNotFoundError extends AppError {
  constructor() {
    super("not_found", "No such API endpoint. See /api/openapi.json.", 404);
  }
}

const isListed = (e: unknown): e is AppError & { code: ApiErrorCode } =>
  e instanceof AppError && isApiErrorCode(e.code) && API_ERROR_STATUS[e.code] === e.status;

/** The code errorResponse answers `e` with (what metrics count refusals and failures by). */
export const errorCodeOf = (e: unknown): ApiErrorCode => (isListed(e) ? e.code : "internal_error");

/** `{error: {code, message, ...details}}` with the code's status and the error's own headers. */
export function errorResponse(e: unknown, headers: Record<string, string> = {}): Response {
  if (isListed(e)) {
    const out = { ...headers, ...e.headers() };
    // Every 429 tells the client when to come back, whichever error produced it.
    if (e.status === 429 && !out["Retry-After"]) out["Retry-After"] = "60";
    return Response.json(
      { error: { code: e.code, message: e.message, ...e.details } },
      { status: e.status, headers: out },
    );
  }
  log.error(
    { err: e },
    e instanceof AppError
      ? `API error outside the closed list: ${e.code} (${e.status})`
      : "Unexpected API error",
  );
  return Response.json(
    { error: { code: "internal_error", message: INTERNAL_ERROR_MESSAGE } },
    { status: 500, headers },
  );
}
