// POST /api/v1/chat/completions — OpenAI-compatible proxy to the model's provider, metered through a reservation
import { proxyChatCompletion } from "@/lib/proxy/chat-completions";
import { openAiRoute } from "@/lib/proxy/http";

export const dynamic = "force-dynamic";

export const POST = openAiRoute(proxyChatCompletion);
