import { env } from "@/lib/env";
import { openAiErrorSchema, type OpenAiError } from "./schemas";
import { log } from "@/lib/observability/logger";

// The provider's refusals, returned to the client in OpenAI's error shape with the provider's
// status. The key Tollgate sent never appears in what the client gets back.

const errorBody = (message: string, type: string, code: string | null): OpenAiError => ({
  error: { message, type, code, param: null },
});

/** The provider could not be reached (502), or did not answer within UPSTREAM_TIMEOUT_MS (504). */
export function upstreamFailure(
  provider: string,
  reason: "timeout" | "unreachable",
  headers: Record<string, string>,
) {
  if (reason === "timeout")
    return Response.json(
      errorBody(
        `The ${provider} provider did not answer within ${Math.round(env.UPSTREAM_TIMEOUT_MS / 1000)} seconds. Nothing was charged.`,
        "upstream_error",
        "upstream_timeout",
      ),
      { status: 504, headers },
    );
  return Response.json(
    errorBody(
      `The ${provider} provider could not be reached. Nothing was charged.`,
      "upstream_error",
      "upstream_unavailable",
    ),
    { status: 502, headers },
  );
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`);

/** The error event that ends a stream whose provider went quiet for UPSTREAM_IDLE_TIMEOUT_MS. */
export const upstreamIdleError = (provider: string): OpenAiError =>
  errorBody(
    `The ${provider} provider sent nothing for ${duration(env.UPSTREAM_IDLE_TIMEOUT_MS)}, so the stream was ended. Only what was delivered is charged.`,
    "upstream_error",
    "upstream_timeout",
  );

export async function upstreamErrorResponse(
  upstream: Response,
  opts: { apiKey: string; byok: boolean; provider: string; headers: Record<string, string> },
) {
  const { apiKey, byok, provider, headers } = opts;
  const text = await upstream.text().catch(() => "");
  // A refused platform key is Tollgate's problem, not the caller's: say so without the details.
  if (!byok && (upstream.status === 401 || upstream.status === 403)) {
    log.error(`chat proxy: ${provider} refused the platform key (status ${upstream.status})`);
    return Response.json(
      errorBody(
        `The ${provider} provider refused Tollgate's credentials. Nothing was charged; try again later.`,
        "upstream_error",
        "provider_auth_failed",
      ),
      {
        status: 502,
        headers,
      },
    );
  }
  let body: OpenAiError = errorBody(
    `The ${provider} provider answered with status ${upstream.status}. Nothing was charged.`,
    "upstream_error",
    null,
  );
  try {
    const parsed = openAiErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success)
      body = JSON.parse(JSON.stringify(parsed.data).split(apiKey).join("***")) as OpenAiError;
  } catch {
    // Not JSON: keep the generic body.
  }
  // The provider's own back-off advice reaches the client; every 429 carries one (SPEC §8.1).
  const retryAfter = upstream.headers.get("retry-after") ?? (upstream.status === 429 ? "60" : null);
  return Response.json(body, {
    status: upstream.status,
    headers: retryAfter ? { ...headers, "Retry-After": retryAfter } : headers,
  });
}
