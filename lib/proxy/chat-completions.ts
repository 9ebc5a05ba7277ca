import { providerKeyFor } from "@/lib/byok/keys";
import { AppError } from "@/lib/errors";
import { isChatModel } from "@/lib/metering/account";
import type { ApiCaller } from "@/lib/metering/authenticate";
import { chargeUsage, resolveModel } from "@/lib/metering/charge";
import { idempotencyKey, parseBody } from "@/lib/http/body";
import { commitReservation, holdCredits, releaseReservation } from "@/lib/metering/reservations";
import { creditsString } from "@/lib/catalog/money";
import { chatCompletionsUrl, platformKey, ProviderUnavailableError, upstreamModelName } from "./providers";
import {
  chatCompletionRequestSchema,
  chatCompletionUsageSchema,
  type ChatCompletionRequest,
} from "./schemas";
import { meteredStream, outputChars, type StreamOutcome } from "./usage-tap";
import { chatRequestHash, claimCompletion, recordCompletion } from "./idempotency";
import { callUpstream } from "./upstream";
import { upstreamErrorResponse, upstreamFailure, upstreamIdleError } from "./upstream-errors";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/logger";

// POST /api/v1/chat/completions: an OpenAI-compatible call forwarded to the model's provider and
// metered on the provider's own token count.
//
// Sizing the hold: input ≈ characters of the messages / 4 (+4 tokens per message, 1,000 per
// non-text part such as an image), output = max_completion_tokens, else max_tokens, else 1,024;
// both × `n` choices, priced with the model's rates and the caller's markup.
//
// Settling: the provider's `usage` commits the reservation (charge = price of those tokens, the rest
// of the hold comes back). Without usage, if output reached the client (it went away mid-stream, the
// stream broke, or the provider omitted usage), the estimate of the input plus the characters
// delivered / 4 is charged and the event is marked usageEstimated, since the provider charges for
// that work; if nothing was delivered (provider error, unreachable, client gone first) the hold is
// released. A stream whose provider sends nothing for UPSTREAM_IDLE_TIMEOUT_MS is ended with an
// OpenAI-style error event (upstream_timeout) and settled the same way. BYOK calls hold nothing and are recorded once done as billed "byok": markup 0, 0 credits.

const DEFAULT_OUTPUT_TOKENS = 1024;
const CHARS_PER_TOKEN = 4;
const TOKENS_PER_MESSAGE = 4;
const TOKENS_PER_NON_TEXT_PART = 1000;
const HOLD_TTL_SECONDS = 1800;

type Tokens = { inputTokens: number; outputTokens: number };

export function estimateTokens(body: ChatCompletionRequest): Tokens {
  let chars = 0;
  let tokens = 0;
  for (const message of body.messages) {
    tokens += TOKENS_PER_MESSAGE;
    if (typeof message.content === "string") chars += message.content.length;
    else
      for (const part of message.content ?? []) {
        if (typeof part.text === "string") chars += part.text.length;
        else tokens += TOKENS_PER_NON_TEXT_PART;
      }
  }
  const n = typeof body.n === "number" && Number.isInteger(body.n) ? Math.min(Math.max(body.n, 1), 128) : 1;
  const maxOutput = body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_OUTPUT_TOKENS;
  return { inputTokens: tokens + Math.ceil(chars / CHARS_PER_TOKEN), outputTokens: maxOutput * n };
}

/** The model must exist, be enabled, be a token model with a provider, and be on the caller's tier. */
function resolveChatModel(caller: ApiCaller, key: string) {
  const found = caller.catalog.models.get(key);
  if (found?.enabled && !isChatModel(found))
    throw new AppError("model_not_found", `${key} is not a chat model.`, 404);
  return resolveModel(caller, key);
}

const jsonHeaders = (extra: Record<string, string>) => ({ "content-type": "application/json", ...extra });
const creditHeaders = (balance: bigint | null | undefined): Record<string, string> =>
  balance === null || balance === undefined ? {} : { "X-Credits-Remaining": creditsString(balance) };

export async function proxyChatCompletion(req: Request, caller: ApiCaller): Promise<Response> {
  const key = idempotencyKey(req);
  const body = await parseBody(req, chatCompletionRequestSchema);
  const model = resolveChatModel(caller, body.model);
  const stream = body.stream === true;
  const hash = key === null ? null : chatRequestHash(body);
  const claim =
    key === null || hash === null
      ? null
      : await claimCompletion(caller.workspace.id, key, hash, { stream, signal: req.signal });
  if (claim?.replay)
    return new Response(claim.replay, {
      status: 200,
      headers: jsonHeaders({
        ...creditHeaders(caller.workspace.balanceMillicredits),
        "Idempotent-Replayed": "true",
      }),
    });
  // The claim on the key lasts until the call is settled (its key recorded): for a stream, its end.
  const release = claim && claim.replay === null ? claim.release : async () => {};
  const handed = { toStream: false };
  try {
    return await forwardCompletion(req, caller, {
      body,
      model,
      stream,
      idempotency: key && hash ? { key, hash } : null,
      onStreamSettled: () => ((handed.toStream = true), release),
    });
  } finally {
    if (!handed.toStream) await release();
  }
}

type Forward = {
  body: ChatCompletionRequest;
  model: ReturnType<typeof resolveChatModel>;
  stream: boolean;
  idempotency: { key: string; hash: string } | null;
  /** Called when the answer becomes a stream: returns what to run once the stream is settled. */
  onStreamSettled: () => () => Promise<void>;
};

async function forwardCompletion(req: Request, caller: ApiCaller, forward: Forward): Promise<Response> {
  const { body, model, stream, idempotency, onStreamSettled } = forward;
  const key = idempotency?.key ?? null;
  const hash = idempotency?.hash ?? null;
  const provider = model.provider!;
  const url = chatCompletionsUrl(provider);
  const ownKey = await providerKeyFor(caller.workspace.id, provider);
  const apiKey = ownKey ?? platformKey(provider);
  if (!apiKey)
    throw new ProviderUnavailableError(
      provider,
      "no platform key is configured (PROVIDER_API_KEYS) and this workspace has not added its own",
    );
  const byok = ownKey !== null;
  // The provider is always asked for usage (it meters the call); the client sees the usage chunk
  // only when it asked for it, as with OpenAI itself.
  const clientWantsUsage = body.stream_options?.include_usage === true;
  const estimate = estimateTokens(body);
  const hold = byok
    ? null
    : await holdCredits(caller, { model: model.key, ...estimate, ttlSeconds: HOLD_TTL_SECONDS });

  /** Gives the hold back; the balance after it (for X-Credits-Remaining), or the balance before. */
  const release = async (): Promise<bigint | null> => {
    if (!hold) return null;
    return releaseReservation(caller.workspace.id, hold.id).then(
      (r) => r.balanceMillicredits,
      (e: unknown) => (log.error({ err: e }, "chat proxy: release failed"), hold.balanceMillicredits),
    );
  };
  const settle = async (outcome: StreamOutcome, answer: string | null) => {
    const { usage } = outcome;
    const tokens: Tokens | null = usage
      ? { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens }
      : outcome.deliveredChars > 0
        ? {
            inputTokens: estimate.inputTokens,
            outputTokens: Math.ceil(outcome.deliveredChars / CHARS_PER_TOKEN),
          }
        : null;
    if (!tokens) return void (await release());
    const metadata = {
      proxy: true,
      upstreamId: outcome.upstreamId,
      stream,
      ...(usage ? {} : { usageEstimated: true }),
      ...(outcome.idleTimedOut ? { upstreamIdleTimeout: true } : {}),
    };
    const result = hold
      ? await commitReservation(caller, hold.id, { ...tokens, metadata })
      : await chargeUsage(caller, { model: model.key, ...tokens, metadata }, null, new Date(), {
          byok: true,
        });
    if (key && hash) await recordCompletion(result.id, key, hash, answer);
    return result;
  };
  /** A failed call: the hold released, the error answered with the balance after the release. */
  const failed = async (answer: (headers: Record<string, string>) => Response | Promise<Response>) =>
    answer(creditHeaders(await release()));

  const call = await callUpstream(url, {
    apiKey,
    stream,
    body: {
      ...body,
      model: upstreamModelName(model.key),
      ...(stream ? { stream_options: { ...body.stream_options, include_usage: true } } : {}),
    },
    signal: req.signal,
  });
  if (!call.ok) return failed((headers) => upstreamFailure(provider, call.reason, headers));
  const upstream = call.response;
  if (!upstream.ok)
    return failed((headers) => upstreamErrorResponse(upstream, { apiKey, byok, provider, headers }));

  if (stream && upstream.body) {
    call.done();
    const settled = onStreamSettled();
    const onEnd = async (outcome: StreamOutcome) => {
      try {
        await settle(outcome, null);
      } finally {
        await settled();
      }
    };
    return new Response(
      meteredStream(upstream.body, onEnd, {
        stripUsage: !clientWantsUsage,
        idle: { ms: env.UPSTREAM_IDLE_TIMEOUT_MS, error: () => upstreamIdleError(provider) },
      }),
      {
        status: upstream.status,
        headers: {
          "content-type": upstream.headers.get("content-type") ?? "text/event-stream",
          "cache-control": "no-cache",
          ...creditHeaders(hold?.balanceMillicredits),
        },
      },
    );
  }

  let text: string;
  try {
    text = await upstream.text();
  } catch {
    return failed((headers) =>
      upstreamFailure(provider, call.timedOut() ? "timeout" : "unreachable", headers),
    );
  } finally {
    call.done();
  }
  let parsed: { id?: unknown; usage?: unknown; choices?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON: nothing to meter from but what was delivered.
  }
  const usage = chatCompletionUsageSchema.safeParse(parsed?.usage);
  const delivered = Array.isArray(parsed?.choices)
    ? parsed.choices.reduce((sum: number, c: { message?: unknown }) => sum + outputChars(c?.message), 0)
    : text.length;
  const result = await settle(
    {
      usage: usage.success ? usage.data : null,
      upstreamId: typeof parsed?.id === "string" ? parsed.id : null,
      deliveredChars: delivered,
    },
    text,
  ).catch((e: unknown) => void log.error({ err: e }, "chat proxy: settling a completion failed"));
  return new Response(text, {
    status: upstream.status,
    headers: jsonHeaders(creditHeaders(result ? result.balanceMillicredits : hold?.balanceMillicredits)),
  });
}
