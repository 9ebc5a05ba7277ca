import { Tollgate } from "@tollgate/sdk";
import OpenAI from "openai";

const tollgate = new Tollgate({ apiKey: process.env.TOLLGATE_API_KEY!, baseUrl: process.env.TOLLGATE_URL });
const openai = new OpenAI(); // your provider key, as before

// Unknown cost (an LLM call): hold the most it may cost, call the model, commit what it used.
// If the call throws, the hold is released and nothing is charged.
export async function summarize(text: string) {
  let summary = "";
  await tollgate.meter.hold(
    { model: "chat:gpt-4o-mini", estimate: { inputTokens: 2_000, outputTokens: 500 } },
    async () => {
      const completion = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        max_tokens: 500, // the estimate's output tokens: the hold covers the worst case
        messages: [{ role: "user", content: `Summarize:\n\n${text}` }],
      });
      summary = completion.choices[0]?.message.content ?? "";
      // The actual usage, charged now; the rest of the hold comes back.
      return {
        inputTokens: completion.usage?.prompt_tokens ?? 2_000,
        outputTokens: completion.usage?.completion_tokens ?? 500,
      };
    },
  );
  return summary;
}
