import type { z } from "zod";
import { autoTopUpSchema } from "@/lib/billing/auto-top-up";
import { batchSchema } from "@/lib/metering/batch";
import { usageSchema } from "@/lib/metering/charge";
import { commitSchema, holdSchema } from "@/lib/metering/reservations";
import { sessionRequestSchema } from "@/lib/metering/session-tokens";
import {
  apiKeySchema,
  createWorkspaceSchema,
  creditsSchema,
  pageSchema,
  subscriptionSchema,
} from "@/lib/workspaces/administration";
import type { ErrorCode } from "./errors";
import { PATH_EXAMPLES, type OperationId } from "./examples";
import {
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionResponseSchema,
} from "@/lib/proxy/schemas";
import * as R from "./responses";

// One entry per v1 operation: which handler schema validates its body, what it answers with, and
// which refusals it can give beyond the ones every authenticated call can (see COMMON_ERRORS).

/**
 * "session": a workspace API key or a read-only customer session token (tgs_…), with CORS.
 * "public": no key at all (the public catalog), CORS for any origin.
 */
export type Auth = "workspace" | "session" | "admin" | "public";

export const TAGS = [
  { name: "Metering", description: "Check and charge calls, one at a time or in batches." },
  {
    name: "Reservations",
    description: "Hold an estimate for calls whose cost is known only afterwards, then commit or release it.",
  },
  { name: "Account", description: "What the calling workspace may use and what it costs." },
  {
    name: "Chat",
    description:
      "An OpenAI-compatible proxy: point an OpenAI client at Tollgate and every completion is metered on the provider's real token count.",
  },
  { name: "Catalog", description: "The public price list, as the pricing page shows it: no key needed." },
  { name: "Management", description: "Server-to-server administration with an admin API key (tga_…)." },
] as const;

export type TagName = (typeof TAGS)[number]["name"];

export type HeaderName =
  | "X-RateLimit-Limit"
  | "X-RateLimit-Remaining"
  | "X-RateLimit-Reset"
  | "X-Credits-Remaining"
  | "X-Quota-Limit"
  | "X-Quota-Remaining"
  | "X-Quota-Reset"
  | "Retry-After"
  | "Idempotent-Replayed"
  | "WWW-Authenticate"
  | "Allow"
  | "X-Request-Id";

export type HeaderUse = { name: HeaderName; required: boolean };

export type OperationSpec = {
  id: OperationId;
  method: "get" | "post" | "put";
  path: string;
  tag: TagName;
  summary: string;
  description: string;
  auth: Auth;
  pathParams?: Record<string, { description: string; example: string }>;
  query?: { schema: z.ZodObject; fields: Record<string, string> };
  idempotencyKey?: boolean;
  body?: { name: string; schema: z.ZodType; fields: Record<string, string> };
  success: {
    status: 200 | 201;
    name: string;
    schema: z.ZodType;
    description: string;
    headers: HeaderUse[];
    stream?: { name: string; schema: z.ZodType };
  };
  errors: ErrorCode[];
  /** "openai": refusals in OpenAI's error shape, and the provider's own errors passed through. */
  errorStyle?: "openai";
};

export const COMMON_ERRORS: Record<Auth, ErrorCode[]> = {
  workspace: ["invalid_api_key", "workspace_suspended", "rate_limited", "internal_error"],
  session: ["invalid_api_key", "workspace_suspended", "rate_limited", "internal_error"],
  admin: ["invalid_api_key", "rate_limited", "internal_error"],
  public: ["internal_error"],
};

const credits: HeaderUse = { name: "X-Credits-Remaining", required: true };
const quota: HeaderUse[] = (["X-Quota-Limit", "X-Quota-Remaining", "X-Quota-Reset"] as const).map((name) => ({
  name,
  required: false,
}));

const usageFields = {
  model: "The model key, app:model (see GET /api/v1/models).",
  quantity: "Units used (requests, images or seconds, per the model's unit). Defaults to 1.",
  inputTokens: "Token models: prompt tokens.",
  outputTokens: "Token models: completion tokens.",
  metadata: "Any JSON object, stored with the usage event: at most 16 KB as JSON and 10 levels deep.",
};

const reservationId = {
  id: {
    description: "The reservation id (res_…) from POST /api/v1/reservations.",
    example: PATH_EXAMPLES.reservationId,
  },
};
const workspaceId = { id: { description: "The workspace id.", example: PATH_EXAMPLES.id } };
const page = {
  schema: pageSchema,
  fields: { page: "Page number, from 1.", pageSize: "Rows per page, 1 to 200." },
};

export const OPERATIONS: OperationSpec[] = [
  {
    id: "recordUsage",
    method: "post",
    path: "/api/v1/usage",
    tag: "Metering",
    summary: "Check and charge one call",
    description:
      "Decides whether the workspace may use the model now, then charges its daily quota (subscriptions) or its credits (pay as you go) and records the usage, atomically. Send an Idempotency-Key: a retry with the same key returns the first answer with Idempotent-Replayed: true and charges nothing.",
    auth: "workspace",
    idempotencyKey: true,
    body: { name: "UsageRequest", schema: usageSchema, fields: usageFields },
    success: {
      status: 200,
      name: "UsageResult",
      schema: R.usageResultSchema,
      description: "Charged (or replayed).",
      headers: [credits, ...quota, { name: "Idempotent-Replayed", required: false }],
    },
    errors: [
      "invalid_request",
      "insufficient_credits",
      "spend_cap_reached",
      "model_not_allowed",
      "model_not_found",
      "idempotency_key_reused",
      "quota_exceeded",
    ],
  },
  {
    id: "recordUsageBatch",
    method: "post",
    path: "/api/v1/usage/batch",
    tag: "Metering",
    summary: "Charge up to 100 calls",
    description:
      "Each event is checked and charged on its own, with its own idempotencyKey; one refusal never blocks the rest. The answer is 200 with a result per event: the usage result, or the status and error body that event alone would have had.",
    auth: "workspace",
    body: {
      name: "UsageBatchRequest",
      schema: batchSchema,
      fields: {
        events:
          "1 to 100 usage events: the fields of POST /api/v1/usage plus an optional idempotencyKey each.",
      },
    },
    success: {
      status: 200,
      name: "UsageBatchResult",
      schema: R.batchResultSchema,
      description: "One result per event, in order.",
      headers: [],
    },
    errors: ["invalid_request"],
  },
  {
    id: "createReservation",
    method: "post",
    path: "/api/v1/reservations",
    tag: "Reservations",
    summary: "Hold the estimated cost of a call",
    description:
      "For calls whose real cost is known only afterwards (LLM streaming): holds the estimate's price in credits until you commit the actual usage, release it, or it expires (ttlSeconds, default 300).",
    auth: "workspace",
    body: {
      name: "ReservationRequest",
      schema: holdSchema,
      fields: {
        ...usageFields,
        quantity: "Estimated units.",
        inputTokens: "Estimated prompt tokens.",
        outputTokens: "Estimated completion tokens.",
        ttlSeconds: "Seconds until an unclaimed hold is released (10–3600, default 300).",
      },
    },
    success: {
      status: 201,
      name: "Reservation",
      schema: R.reservationSchema,
      description: "Held.",
      headers: [credits],
    },
    errors: ["invalid_request", "insufficient_credits", "model_not_allowed", "model_not_found"],
  },
  {
    id: "commitReservation",
    method: "post",
    path: "/api/v1/reservations/{id}/commit",
    tag: "Reservations",
    summary: "Charge the actual usage and give the hold back",
    description:
      "Charges the actual quantity or tokens (more or less than the estimate) and releases the hold, in one statement.",
    auth: "workspace",
    pathParams: reservationId,
    body: {
      name: "ReservationCommitRequest",
      schema: commitSchema,
      fields: {
        quantity: usageFields.quantity,
        inputTokens: "Actual prompt tokens.",
        outputTokens: "Actual completion tokens.",
        metadata: usageFields.metadata,
      },
    },
    success: {
      status: 200,
      name: "ReservationCommitResult",
      schema: R.commitResultSchema,
      description: "Charged; the hold is closed.",
      headers: [credits],
    },
    errors: ["invalid_request", "not_found", "reservation_expired", "reservation_settled"],
  },
  {
    id: "releaseReservation",
    method: "post",
    path: "/api/v1/reservations/{id}/release",
    tag: "Reservations",
    summary: "Cancel a hold",
    description: "Gives the held credits back without charging anything.",
    auth: "workspace",
    pathParams: reservationId,
    success: {
      status: 200,
      name: "ReservationReleaseResult",
      schema: R.releaseResultSchema,
      description: "Released.",
      headers: [credits],
    },
    errors: ["not_found", "reservation_expired", "reservation_settled"],
  },
  {
    id: "getMe",
    method: "get",
    path: "/api/v1/me",
    tag: "Account",
    summary: "The calling workspace",
    description: "Workspace, tier, account type, balance, quota, rate limit and entitlements.",
    auth: "session",
    success: {
      status: 200,
      name: "Me",
      schema: R.meSchema,
      description: "The workspace.",
      headers: [credits, ...quota],
    },
    errors: [],
  },
  {
    id: "listModels",
    method: "get",
    path: "/api/v1/models",
    tag: "Account",
    summary: "Models and prices",
    description:
      "Every enabled model, whether the caller's tier may use it, the tier that has it, and its price after markup.",
    auth: "session",
    success: {
      status: 200,
      name: "ModelList",
      schema: R.modelsSchema,
      description: "The models.",
      headers: [credits],
    },
    errors: [],
  },
  {
    id: "getModel",
    method: "get",
    path: "/api/v1/models/{id}",
    tag: "Account",
    summary: "One model and its price",
    description:
      "One enabled model as the caller's tier sees it (OpenAI's models.retrieve). Unknown or disabled: 404 model_not_found.",
    auth: "session",
    pathParams: {
      id: { description: "The model key, app:model.", example: PATH_EXAMPLES.modelId },
    },
    success: {
      status: 200,
      name: "Model",
      schema: R.modelSchema,
      description: "The model.",
      headers: [credits],
    },
    errors: ["model_not_found"],
  },
  {
    id: "getEntitlement",
    method: "get",
    path: "/api/v1/entitlements/{featureKey}",
    tag: "Account",
    summary: "One feature of the caller's plan",
    description:
      "Whether the caller's tier has the feature, and its numeric limit if it has one. Unknown keys answer allowed: false.",
    auth: "session",
    pathParams: {
      featureKey: { description: "The feature key, e.g. team_seats.", example: PATH_EXAMPLES.featureKey },
    },
    success: {
      status: 200,
      name: "Entitlement",
      schema: R.entitlementSchema,
      description: "The entitlement.",
      headers: [],
    },
    errors: [],
  },
  {
    id: "getPricing",
    method: "get",
    path: "/api/v1/pricing",
    tag: "Catalog",
    summary: "The public price list",
    description:
      "The plans (prices, included credits, daily quota, features, models), every enabled model with the lowest tier that has it, and the credit packs: exactly what the /pricing page shows, from the same source. No key needed; any origin may read it (CORS *); cacheable for five minutes.",
    auth: "public",
    success: {
      status: 200,
      name: "PublicCatalog",
      schema: R.publicCatalogSchema,
      description: "The catalog.",
      headers: [],
    },
    errors: [],
  },
  {
    id: "createChatCompletion",
    method: "post",
    path: "/api/v1/chat/completions",
    tag: "Chat",
    summary: "Create a chat completion",
    description:
      "OpenAI-compatible: use any OpenAI client with baseURL set to this server's /api/v1 and a tg_… key. Forwards to the model's provider (streaming with stream: true), holds the estimated cost, then charges the provider's reported token usage and gives the rest back. With the workspace's own provider key (BYOK) nothing is held and no markup is charged. Fields not listed pass through to the provider unchanged. Errors use OpenAI's error shape, with Tollgate's codes. With an Idempotency-Key, a finished non-streamed call is replayed (same body, charged once); a call with the key of one still in flight waits for it and replays it (409 for another body, or when the call in flight is a stream). A stream whose provider sends nothing for UPSTREAM_IDLE_TIMEOUT_MS (default 30 s) ends with an error event (code upstream_timeout), settled on what was delivered.",
    auth: "workspace",
    body: {
      name: "ChatCompletionRequest",
      schema: chatCompletionRequestSchema,
      fields: {
        messages: "The conversation, as for OpenAI.",
        stream: "true for server-sent events; the last chunk carries usage.",
        stream_options: "Passed through; Tollgate always asks the provider for usage.",
        max_tokens: "Caps the output; also sizes the hold (default 1,024).",
        max_completion_tokens: "As max_tokens, preferred when both are set.",
      },
    },
    success: {
      status: 200,
      name: "ChatCompletion",
      schema: chatCompletionResponseSchema,
      description:
        "The provider's completion; with stream: true, text/event-stream of ChatCompletionChunk events, then data: [DONE].",
      headers: [{ name: "X-Credits-Remaining", required: false }],
      stream: { name: "ChatCompletionChunk", schema: chatCompletionChunkSchema },
    },
    errors: [
      "invalid_request",
      "insufficient_credits",
      "model_not_allowed",
      "model_not_found",
      "upstream_unavailable",
      "upstream_timeout",
      "provider_auth_failed",
      "provider_unavailable",
    ],
    errorStyle: "openai",
  },
  {
    id: "createWorkspace",
    method: "post",
    path: "/api/v1/admin/workspaces",
    tag: "Management",
    summary: "Create a workspace",
    description:
      "Creates a workspace owned by ownerEmail (the owner's account is created if needed and claimed through password reset), optionally on a comped tier.",
    auth: "admin",
    body: {
      name: "CreateWorkspaceRequest",
      schema: createWorkspaceSchema,
      fields: {
        name: "Workspace name.",
        ownerEmail: "The owner's email.",
        tier: "A tier code; other than free, puts the workspace on a manual plan.",
        accountType:
          "subscription (default): the plan's daily quota first, then credits. payg: no daily quota; every paid call draws credits.",
      },
    },
    success: {
      status: 201,
      name: "ManagedWorkspace",
      schema: R.managedWorkspaceSchema,
      description: "Created.",
      headers: [],
    },
    errors: ["invalid_request"],
  },
  {
    id: "getWorkspace",
    method: "get",
    path: "/api/v1/admin/workspaces/{id}",
    tag: "Management",
    summary: "Describe a workspace",
    description: "Tier, account type, balance, quota and subscription.",
    auth: "admin",
    pathParams: workspaceId,
    success: {
      status: 200,
      name: "ManagedWorkspace",
      schema: R.managedWorkspaceSchema,
      description: "The workspace.",
      headers: [],
    },
    errors: ["not_found"],
  },
  {
    id: "adjustCredits",
    method: "post",
    path: "/api/v1/admin/workspaces/{id}/credits",
    tag: "Management",
    summary: "Grant or deduct credits",
    description:
      "Adds (or, negative, removes) credits with a ledger entry and an audit record. Never below zero. The idempotencyKey makes retries safe: a repeat of the same body answers applied: false; the key with another amount or reason is 409 idempotency_key_reused.",
    auth: "admin",
    pathParams: workspaceId,
    body: {
      name: "CreditAdjustmentRequest",
      schema: creditsSchema,
      fields: {
        millicredits: "Signed, non-zero integer millicredits.",
        reason: "Shown in the ledger and audit log.",
        idempotencyKey: "Unique per adjustment: 1 to 255 printable ASCII characters.",
      },
    },
    success: {
      status: 200,
      name: "CreditAdjustment",
      schema: R.creditAdjustmentSchema,
      description: "Applied, or already applied.",
      headers: [],
    },
    errors: ["invalid_request", "insufficient_credits", "not_found", "idempotency_key_reused"],
  },
  {
    id: "setSubscription",
    method: "put",
    path: "/api/v1/admin/workspaces/{id}/subscription",
    tag: "Management",
    summary: "Put a workspace on a manual plan",
    description: "Replaces any live subscription with a manual (comp) plan on the given tier.",
    auth: "admin",
    pathParams: workspaceId,
    body: {
      name: "ManualSubscriptionRequest",
      schema: subscriptionSchema,
      fields: { tier: "A tier code.", interval: "month (default) or year." },
    },
    success: {
      status: 200,
      name: "ManagedWorkspace",
      schema: R.managedWorkspaceSchema,
      description: "The workspace on its new plan.",
      headers: [],
    },
    errors: ["invalid_request", "not_found"],
  },
  {
    id: "setAutoTopUp",
    method: "put",
    path: "/api/v1/admin/workspaces/{id}/auto-top-up",
    tag: "Management",
    summary: "Set a workspace's auto top-up",
    description:
      "When a charge leaves the balance below the threshold, one charge of the saved card buys the pack, never past the monthly cap. Saving resumes an auto top-up paused by a decline. Audited.",
    auth: "admin",
    pathParams: workspaceId,
    body: {
      name: "AutoTopUpRequest",
      schema: autoTopUpSchema,
      fields: {
        enabled: "Turn auto top-up on or off.",
        thresholdMillicredits: "Buy when a charge leaves the balance below this.",
        pack: "A credit pack code.",
        monthlyCapCents:
          "At most this much per UTC month, in cents (at least the pack's price when enabled).",
      },
    },
    success: {
      status: 200,
      name: "AutoTopUp",
      schema: R.autoTopUpSchema,
      description: "The workspace's auto top-up settings.",
      headers: [],
    },
    errors: ["invalid_request", "not_found"],
  },
  {
    id: "createWorkspaceKey",
    method: "post",
    path: "/api/v1/admin/workspaces/{id}/api-keys",
    tag: "Management",
    summary: "Issue a workspace API key",
    description: "Creates a tg_… key for the workspace. The full key is in this response only.",
    auth: "admin",
    pathParams: workspaceId,
    body: { name: "CreateApiKeyRequest", schema: apiKeySchema, fields: { name: "A label for the key." } },
    success: {
      status: 201,
      name: "IssuedApiKey",
      schema: R.issuedKeySchema,
      description: "Issued.",
      headers: [],
    },
    errors: ["invalid_request", "not_found"],
  },
  {
    id: "createSessionToken",
    method: "post",
    path: "/api/v1/admin/workspaces/{id}/sessions",
    tag: "Management",
    summary: "Mint a customer session token",
    description:
      "A short-lived (at most one hour), read-only tgs_… token for the app's browser code: it works on GET /api/v1/me, /models, /models/{id} and /entitlements/{featureKey} (from origins in ALLOWED_ORIGINS, with CORS) and nowhere else, so the browser never holds the secret key.",
    auth: "admin",
    pathParams: workspaceId,
    body: {
      name: "CreateSessionTokenRequest",
      schema: sessionRequestSchema,
      fields: {
        ttlSeconds: "Lifetime in seconds, 60 to 3600 (default 3600).",
        memberId:
          "Optional: a member of the workspace (their user id). The token's /me then also shows that member's own monthly spend cap (`member`). 404 when not a member; the token stops working if they leave.",
      },
    },
    success: {
      status: 201,
      name: "SessionToken",
      schema: R.sessionTokenSchema,
      description: "Minted.",
      headers: [],
    },
    errors: ["invalid_request", "not_found"],
  },
  {
    id: "listLedger",
    method: "get",
    path: "/api/v1/admin/workspaces/{id}/ledger",
    tag: "Management",
    summary: "Credit ledger",
    description: `The workspace's credit ledger, newest first.`,
    auth: "admin",
    pathParams: workspaceId,
    query: page,
    success: {
      status: 200,
      name: "LedgerPage",
      schema: R.ledgerPageSchema,
      description: "One page.",
      headers: [],
    },
    errors: ["invalid_request", "not_found"],
  },
  {
    id: "listUsage",
    method: "get",
    path: "/api/v1/admin/workspaces/{id}/usage",
    tag: "Management",
    summary: "Usage events",
    description: `The workspace's usage events, newest first.`,
    auth: "admin",
    pathParams: workspaceId,
    query: page,
    success: {
      status: 200,
      name: "UsagePage",
      schema: R.usagePageSchema,
      description: "One page.",
      headers: [],
    },
    errors: ["invalid_request", "not_found"],
  },
];
