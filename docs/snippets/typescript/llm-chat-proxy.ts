import OpenAI from "openai";

// No SDK at all: the official OpenAI client, pointed at Tollgate with a workspace key (tg_…).
// Tollgate checks the plan, holds an estimate from max_tokens, forwards to the provider, streams
// the answer back unchanged and commits the provider's own token count.
const client = new OpenAI({
  apiKey: process.env.TOLLGATE_API_KEY,
  baseURL: `${process.env.TOLLGATE_URL}/api/v1`,
});

export async function ask(question: string, jobId: string) {
  try {
    const completion = await client.chat.completions.create(
      {
        model: "chat:gpt-4o-mini", // Tollgate's model id, as listed by client.models.list()
        max_tokens: 300,
        messages: [{ role: "user", content: question }],
      },
      // A retry with the same key returns the first answer and is charged once.
      { idempotencyKey: `ask-${jobId}`, maxRetries: 2 },
    );
    return completion.choices[0]?.message.content ?? "";
  } catch (error) {
    // 402 / 403 / 429 come back as OpenAI-style errors with Tollgate's code.
    if (error instanceof OpenAI.APIError && [402, 403, 429].includes(error.status ?? 0)) {
      console.warn(error.status, error.code, error.headers?.get("retry-after"));
    }
    throw error;
  }
}
