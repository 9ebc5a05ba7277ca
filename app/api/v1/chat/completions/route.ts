// POST /api/v1/chat/completions — OpenAI-compatible proxy to the model's provider, metered through a reservation
import { methodNotAllowed } from "@/lib/http/methods";
import { proxyChatCompletion } from "@/lib/proxy/chat-completions";
import { openAiError, openAiRoute } from "@/lib/proxy/http";

export const dynamic = "force-dynamic";

export const POST = openAiRoute(proxyChatCompletion);

// Refusals in OpenAI's error shape, like every other answer of this path.
const other = openAiError(methodNotAllowed("POST"));
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
