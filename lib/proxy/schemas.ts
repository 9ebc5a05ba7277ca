import { z } from "zod";
import { boundedInt, safeString } from "@/lib/http/schemas";

// The OpenAI-compatible shapes of POST /api/v1/chat/completions. The request names only what
// Tollgate reads (model, messages, token limits, streaming); every other OpenAI field passes
// through to the provider unchanged. Shared with the OpenAPI document.

const positiveInt = boundedInt(1, 10_000_000);

export const chatMessageSchema = z
  .object({
    role: safeString(40).min(1).meta({ description: "system, developer, user, assistant or tool" }),
    // A string, an array of content parts (text, image_url, …), or null for an assistant tool call.
    content: z.union([z.string(), z.array(z.looseObject({ type: z.string() })), z.null()]),
  })
  .loose();

export const chatCompletionRequestSchema = z
  .object({
    model: safeString(120).min(1).meta({ description: "A Tollgate token model key, e.g. chat:gpt-4o-mini" }),
    messages: z.array(chatMessageSchema).min(1).max(10_000),
    stream: z.boolean().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    max_tokens: positiveInt.nullable().optional(),
    max_completion_tokens: positiveInt.nullable().optional(),
  })
  .loose();
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export const chatCompletionUsageSchema = z
  .object({
    prompt_tokens: z.number().int().min(0),
    completion_tokens: z.number().int().min(0),
    total_tokens: z.number().int().min(0),
  })
  .loose();
export type ChatCompletionUsage = z.infer<typeof chatCompletionUsageSchema>;

export const chatCompletionResponseSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z
        .object({
          index: z.number().int(),
          message: z.looseObject({ role: z.string(), content: z.string().nullable() }),
          finish_reason: z.string().nullable(),
        })
        .loose(),
    ),
    usage: chatCompletionUsageSchema,
  })
  .loose();
export type ChatCompletionResponse = z.infer<typeof chatCompletionResponseSchema>;

/** One `data:` event of a streamed completion; the last one (with include_usage) carries `usage`. */
export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(z.looseObject({ index: z.number().int(), delta: z.looseObject({}) })),
    usage: chatCompletionUsageSchema.nullable().optional(),
  })
  .loose();

/** OpenAI's error body. Tollgate's own refusals use type "tollgate_error" and the SPEC's codes. */
export const openAiErrorSchema = z.object({
  error: z
    .object({
      message: z.string(),
      type: z.string(),
      code: z.string().nullable(),
      param: z.string().nullable(),
    })
    .loose(),
});
export type OpenAiError = z.infer<typeof openAiErrorSchema>;
