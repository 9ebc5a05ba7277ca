import { Tollgate } from "@tollgate/sdk";
import OpenAI from "openai";

const tollgate = new Tollgate({ apiKey: process.env.TOLLGATE_API_KEY!, baseUrl: process.env.TOLLGATE_URL });
const openai = new OpenAI();

// A streamed answer: hold, pass the chunks through as they come, commit the usage the last chunk
// reports. Settled however the stream ends: finished, failed (released), or the reader left early.
export async function POST(req: Request) {
  const { question } = await req.json();
  const chunks = tollgate.meter.stream(
    { model: "chat:gpt-4o-mini", estimate: { inputTokens: 1_000, outputTokens: 1_000 } },
    () =>
      openai.chat.completions.create({
        model: "gpt-4o-mini",
        max_tokens: 1_000,
        messages: [{ role: "user", content: question }],
        stream: true,
        stream_options: { include_usage: true }, // the last chunk carries the token counts
      }),
  );
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(value.choices[0]?.delta?.content ?? ""));
    },
    async cancel() {
      await chunks.return(undefined); // the reader left: commit what was streamed so far
    },
  });
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
