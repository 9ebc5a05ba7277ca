import { z } from "zod";
import { AppError, NotFoundError, RateLimitedError } from "@/lib/errors";
import {
  IdempotencyKeyReusedError,
  InsufficientCreditsError,
  InvalidApiKeyError,
  InvalidRequestError,
  ModelNotAllowedError,
  ModelNotFoundError,
  QuotaExceededError,
  SpendCapReachedError,
  WorkspaceSuspendedError,
} from "@/lib/metering/errors";
import {
  API_ERROR_STATUS,
  InsufficientScopeError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  type ApiErrorCode,
} from "@/lib/http/errors";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { ProviderUnavailableError } from "@/lib/proxy/providers";

// Every error code the v1 handlers can answer with: the closed list of lib/http/errors (SPEC §3's
// table and §8.1's additions), each with its status from that one mapping and an example.
// Each example is built from the very error class the domain throws, so messages never drift.

type ErrorEntry = { status: number; when: string; example: AppError; openAiType?: "upstream_error" };

const EXAMPLE_RESET = new Date("2026-01-02T00:00:00.000Z");

export const ERROR_CATALOG = {
  invalid_request: {
    status: 400,
    when: "The body fails validation (the zod issues are included) or is not JSON; a string holds NUL or a lone surrogate; a number is past its bound; metadata is over 16 KB or 10 levels; the Idempotency-Key is empty, blank, over 255 or not printable ASCII; an id in the path is malformed.",
    example: new InvalidRequestError("The request body is invalid.", [
      {
        origin: "number",
        code: "too_small",
        minimum: 0,
        inclusive: true,
        path: ["quantity"],
        message: "Too small: expected number to be >=0",
      },
    ]),
  },
  invalid_api_key: {
    status: 401,
    when: "Missing, unknown, revoked or expired key; an expired or forged session token; a session token on a route other than the read-only ones.",
    example: new InvalidApiKeyError(),
  },
  insufficient_credits: {
    status: 402,
    when: "The balance cannot cover the charge (requiredMillicredits, balanceMillicredits; buyCreditsUrl: where the user buys credits).",
    example: new InsufficientCreditsError(24_000n, 20_000n),
  },
  spend_cap_reached: {
    status: 402,
    when: "The API key's or team member's monthly spend cap would be exceeded (capMillicredits, spentMillicredits, resetsAt).",
    example: new SpendCapReachedError("api_key", {
      capMillicredits: 500_000n,
      spentMillicredits: 498_000n,
      resetsAt: new Date("2026-02-01T00:00:00.000Z"),
    }),
  },
  model_not_allowed: {
    status: 403,
    when: "The tier lacks the model (requiredTier; upgradeUrl: the billing page with that tier preselected).",
    example: new ModelNotAllowedError("video-generator:veo-3", "pro"),
  },
  workspace_suspended: {
    status: 403,
    when: "An admin suspended the workspace.",
    example: new WorkspaceSuspendedError(),
  },
  insufficient_scope: {
    status: 403,
    when: "Management API: the admin API key lacks the scope the route needs (read for GET, write for changes, refund for refunds).",
    example: new InsufficientScopeError("write"),
  },
  model_not_found: {
    status: 404,
    when: "Unknown or disabled model.",
    example: new ModelNotFoundError("video-generator:nope"),
  },
  idempotency_key_reused: {
    status: 409,
    when: "Same Idempotency-Key, different request body.",
    example: new IdempotencyKeyReusedError(),
  },
  quota_exceeded: {
    status: 429,
    when: "What is left of today's quota cannot cover the call and the owner chose a hard stop over overage to credits (resetsAt, Retry-After; upgradeUrl: the billing page).",
    example: new QuotaExceededError(EXAMPLE_RESET, { used: 2998, limit: 3000, resetsAt: EXAMPLE_RESET }, 10),
  },
  rate_limited: {
    status: 429,
    when: "The per-minute limit was hit (Retry-After).",
    example: new RateLimitedError(12),
  },
  not_found: {
    status: 404,
    when: "Unknown reservation or workspace id, or no such API path.",
    example: new NotFoundError("Reservation"),
  },
  method_not_allowed: {
    status: 405,
    when: "The path does not support this method (the Allow header lists the ones it does).",
    example: new MethodNotAllowedError("DELETE", ["POST"]),
  },
  already_exists: {
    status: 409,
    when: "The record already exists.",
    example: new AppError("already_exists", "This already exists.", 409),
  },
  payload_too_large: {
    status: 413,
    when: "The body is over 256 KB. Nothing was read or charged.",
    example: new PayloadTooLargeError(MAX_BODY_BYTES),
  },
  reservation_expired: {
    status: 409,
    when: "The reservation expired; its credits were already released.",
    example: new AppError(
      "reservation_expired",
      "This reservation expired and its credits were released.",
      409,
    ),
  },
  reservation_settled: {
    status: 409,
    when: "The reservation was already committed or released.",
    example: new AppError("reservation_settled", "This reservation is already committed.", 409),
  },
  provider_unavailable: {
    status: 503,
    when: "Chat proxy: the model's provider has no base URL or platform key configured.",
    example: new ProviderUnavailableError("openai", "no base URL is configured (PROVIDER_BASE_URLS)"),
  },
  upstream_unavailable: {
    status: 502,
    when: "Chat proxy: the provider could not be reached. Nothing was charged.",
    example: new AppError(
      "upstream_unavailable",
      "The openai provider could not be reached. Nothing was charged.",
      502,
    ),
    openAiType: "upstream_error",
  },
  upstream_timeout: {
    status: 504,
    when: "Chat proxy: the provider did not answer within UPSTREAM_TIMEOUT_MS. The hold was released; nothing was charged.",
    example: new AppError(
      "upstream_timeout",
      "The openai provider did not answer within 120 seconds. Nothing was charged.",
      504,
    ),
    openAiType: "upstream_error",
  },
  provider_auth_failed: {
    status: 502,
    when: "Chat proxy: the provider refused the platform's key. Nothing was charged.",
    example: new AppError(
      "provider_auth_failed",
      "The openai provider refused Tollgate's credentials. Nothing was charged; try again later.",
      502,
    ),
    openAiType: "upstream_error",
  },
  internal_error: {
    status: 500,
    when: "Something unexpected failed; nothing was charged. Retry with the same Idempotency-Key.",
    example: new AppError(
      "internal_error",
      "Something went wrong. Retry with the same Idempotency-Key.",
      500,
    ),
  },
} satisfies Record<ApiErrorCode, ErrorEntry & { status: (typeof API_ERROR_STATUS)[ApiErrorCode] }>;

export type ErrorCode = ApiErrorCode;

export const SPEC_ERROR_CODES = [
  "invalid_request",
  "invalid_api_key",
  "insufficient_credits",
  "spend_cap_reached",
  "model_not_allowed",
  "workspace_suspended",
  "model_not_found",
  "idempotency_key_reused",
  "quota_exceeded",
  "rate_limited",
] as const satisfies readonly ErrorCode[];

export const errorCodeSchema = z.enum(Object.keys(API_ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** The JSON body a refusal carries, exactly as the handlers send it. */
export function errorBody(code: ErrorCode) {
  const e = ERROR_CATALOG[code].example;
  return { error: { code: e.code, message: e.message, ...e.details } };
}

const issueSchema = z.looseObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** The error body, its code narrowed to the ones a response can carry. */
export function errorSchema(codes: readonly ErrorCode[]) {
  const known = codes.length ? codes : errorCodeSchema.options;
  return z.object({
    error: z.object({
      code: z.enum(known as [ErrorCode, ...ErrorCode[]]),
      message: z.string().meta({ description: "For people; branch on code, not on this text." }),
      issues: z
        .array(issueSchema)
        .optional()
        .meta({ description: "invalid_request: the zod issues, each with a path into the body." }),
      requiredMillicredits: z
        .number()
        .int()
        .optional()
        .meta({ description: "insufficient_credits: what the call costs." }),
      balanceMillicredits: z
        .number()
        .int()
        .optional()
        .meta({ description: "insufficient_credits: the balance now." }),
      buyCreditsUrl: z.url().optional().meta({
        description: "insufficient_credits: the dashboard page where the user buys credits (absolute).",
      }),
      upgradeUrl: z.url().optional().meta({
        description:
          "model_not_allowed, quota_exceeded: the dashboard billing page to upgrade on (absolute; the tier that unlocks the model preselected).",
      }),
      capMillicredits: z
        .number()
        .int()
        .optional()
        .meta({ description: "spend_cap_reached: the refusing monthly cap (the key's or the member's)." }),
      spentMillicredits: z
        .number()
        .int()
        .optional()
        .meta({ description: "spend_cap_reached: spent against that cap this UTC month, holds included." }),
      requiredTier: z
        .string()
        .nullable()
        .optional()
        .meta({ description: "model_not_allowed: the lowest tier that has the model." }),
      resetsAt: z.iso.datetime().optional().meta({
        description:
          "quota_exceeded: when the daily quota resets (00:00 UTC); spend_cap_reached: when the cap's month resets.",
      }),
      retryAfter: z
        .number()
        .int()
        .optional()
        .meta({ description: "rate_limited: seconds until the window resets (also in Retry-After)." }),
      allow: z
        .array(z.string())
        .optional()
        .meta({ description: "method_not_allowed: the methods this path supports (also in Allow)." }),
      limitBytes: z
        .number()
        .int()
        .optional()
        .meta({ description: "payload_too_large: the largest body accepted, in bytes." }),
    }),
  });
}

/** The chat proxy's OpenAI-shaped error body (lib/proxy/http.ts), so OpenAI clients raise it with its code. */
export function openAiErrorBody(code: ErrorCode) {
  const entry: ErrorEntry = ERROR_CATALOG[code];
  const { issues, ...details } = entry.example.details as { issues?: { path: PropertyKey[] }[] };
  const param = issues?.[0]?.path.map(String).join(".") || null;
  return {
    error: {
      message: entry.example.message,
      type: entry.openAiType ?? "tollgate_error",
      code,
      param,
      ...details,
      ...(issues ? { issues } : {}),
    },
  };
}

/** The OpenAI-shaped error body, its code narrowed to the ones a response can carry. */
export function openAiErrorSchema(codes: readonly ErrorCode[]) {
  const { error } = errorSchema(codes).shape;
  return z.object({
    error: error.omit({ code: true, message: true }).extend({
      message: z.string(),
      type: z.enum(["tollgate_error", "upstream_error"]),
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      param: z
        .string()
        .nullable()
        .meta({ description: "invalid_request: the path of the first invalid field." }),
    }),
  });
}
