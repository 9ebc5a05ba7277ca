// Typed errors the domain throws. One mapping (here) turns them into HTTP statuses and form
// messages; anything else is unexpected, logged, and shown as a generic message.
import { log } from "@/lib/observability/logger";

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Response headers this refusal carries (Retry-After, X-Credits-Remaining, Allow, ...). */
  headers(): Record<string, string> {
    return {};
  }
}

export class EmailTakenError extends AppError {
  constructor() {
    super("email_taken", "An account with this email already exists. Sign in or reset your password.", 409);
  }
}

export class InvalidTokenError extends AppError {
  constructor(what: string) {
    super("invalid_token", `This ${what} link is invalid or has expired. Ask for a new one.`, 400);
  }
}

export type RateLimitState = { limit: number; remaining: number; resetAt: Date };

/** The only rate-limit refusal: sign-in and form limits, API keys and admin keys alike. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many requests for this API key this minute.",
    /** The window that refused the call, for the X-RateLimit-* headers; null outside the API. */
    readonly rateLimit: RateLimitState | null = null,
  ) {
    super("rate_limited", message, 429, { retryAfter: retryAfterSeconds });
  }

  override headers(): Record<string, string> {
    return {
      "Retry-After": String(Math.max(1, Math.ceil(this.retryAfterSeconds))),
      ...(this.rateLimit ? rateLimitHeaders(this.rateLimit) : {}),
    };
  }
}

export function rateLimitHeaders(r: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(r.limit),
    "X-RateLimit-Remaining": String(r.remaining),
    "X-RateLimit-Reset": String(Math.ceil(r.resetAt.getTime() / 1000)),
  };
}

export class ForbiddenError extends AppError {
  constructor(message = "You don't have permission to do that.") {
    super("forbidden", message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} not found.`, 404);
  }
}

export function isExpectedError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The message a person sees for any error: ours verbatim, anything else generic (and logged). */
export function userMessage(e: unknown): string {
  if (isExpectedError(e)) return e.message;
  log.error({ err: e }, "unexpected error shown as a generic message");
  return "Something went wrong on our side. Please try again.";
}

/** A unique-constraint violation (Prisma P2002). */
export const isUniqueViolation = (e: unknown) => e instanceof Error && "code" in e && e.code === "P2002";

/** Turns a unique-constraint violation into a readable 409; rethrows anything else. */
export function uniqueViolation(message: string) {
  return (e: unknown): never => {
    if (isUniqueViolation(e)) throw new AppError("already_exists", message, 409);
    throw e;
  };
}
