import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Where the proxy sends a provider's calls, and the platform's own key for it. Read per call, so
// configuration changed in this process (tests point it at a local stand-in) takes effect at once.

export class ProviderUnavailableError extends AppError {
  constructor(provider: string, what: string) {
    super("provider_unavailable", `The ${provider} provider is not available: ${what}.`, 503);
  }
}

/** `<base URL>/chat/completions` for the provider, or 503 when none is configured. */
export function chatCompletionsUrl(provider: string): string {
  const base = env.PROVIDER_BASE_URLS[provider];
  if (!base) throw new ProviderUnavailableError(provider, "no base URL is configured (PROVIDER_BASE_URLS)");
  return `${base.replace(/\/+$/, "")}/chat/completions`;
}

/** The platform's key for the provider, used when the workspace has not brought its own. */
export function platformKey(provider: string): string | null {
  return env.PROVIDER_API_KEYS[provider] ?? null;
}

/** Tollgate model keys are "app:model"; the provider knows the model by the part after the app. */
export const upstreamModelName = (modelKey: string) => modelKey.slice(modelKey.indexOf(":") + 1);
