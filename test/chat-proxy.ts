import * as chat from "@/app/api/v1/chat/completions/route";
import * as model from "@/app/api/v1/models/[id]/route";
import * as models from "@/app/api/v1/models/route";
import { priceCall } from "@/lib/catalog/pricing";
import { env } from "@/lib/env";
import { authenticate } from "@/lib/metering/authenticate";
import { startOpenAiStandIn } from "./openai-stand-in";
import { startRouteServer } from "./route-server";

/**
 * The chat proxy over real HTTP in front of a stand-in provider that `platformKey` unlocks, for the
 * official OpenAI client: `baseURL` is the proxy's /api/v1 (chat completions and models).
 */
export async function startChatProxy(platformKey: string) {
  const standIn = await startOpenAiStandIn();
  env.PROVIDER_BASE_URLS = { openai: standIn.url };
  env.PROVIDER_API_KEYS = { openai: platformKey };
  const bridge = await startRouteServer({
    "/api/v1/chat/completions": chat,
    "/api/v1/models": models,
    "/api/v1/models/[id]": model,
  });
  return {
    standIn,
    baseURL: `${bridge.url}/api/v1`,
    close: async () => {
      await bridge.close();
      await standIn.close();
    },
  };
}

/** What the key's workspace pays for these tokens of the model at its tier's markup. */
export async function chatPrice(
  key: string,
  modelKey: string,
  usage: { inputTokens: number; outputTokens: number },
) {
  const caller = await authenticate(`Bearer ${key}`);
  return priceCall({
    model: caller.catalog.models.get(modelKey)!,
    usage,
    tierMarkupBps: caller.tier.markupBps,
    defaultMarkupBps: caller.catalog.settings.defaultMarkupBps,
  }).millicredits;
}
