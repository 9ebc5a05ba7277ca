import http from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for an OpenAI-compatible provider: POST /chat/completions, streaming (SSE chunks,
// a usage chunk when stream_options.include_usage is set, then `data: [DONE]`) or not, with known
// usage. It records what it received (the Authorization header included) and can be told to fail.

export type StandInRequest = { authorization: string | undefined; body: Record<string, unknown> };

export const STAND_IN_CONTENT = ["Hello", " from", " the", " stand-in", "."];

export async function startOpenAiStandIn() {
  const requests: StandInRequest[] = [];
  const state = {
    usage: { prompt_tokens: 1_234, completion_tokens: 567 },
    /** The next call answers with this status (and headers) and an OpenAI error body. */
    failNext: null as { status: number; message?: string; headers?: Record<string, string> } | null,
    /** Wait this long before answering (a provider that hangs). */
    delayMs: 0,
    /** Stream this many words, then go quiet without ending the stream (until the caller hangs up). */
    stallAfterWords: null as number | null,
    /** Wait this long before each streamed chunk. */
    chunkDelayMs: 0,
  };
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", async () => {
      if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (res.destroyed) return;
      if (req.method !== "POST" || req.url !== "/chat/completions") return res.writeHead(404).end();
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ authorization: req.headers.authorization, body });
      if (state.failNext) {
        const { status, message, headers } = state.failNext;
        state.failNext = null;
        return res.writeHead(status, { "content-type": "application/json", ...headers }).end(
          JSON.stringify({
            error: {
              message: message ?? "The stand-in was told to fail.",
              type: "server_error",
              code: null,
              param: null,
            },
          }),
        );
      }
      const id = `chatcmpl-standin-${++n}`;
      const created = Math.floor(Date.now() / 1000);
      const model = String(body.model);
      const usage = {
        ...state.usage,
        total_tokens: state.usage.prompt_tokens + state.usage.completion_tokens,
      };
      if (body.stream !== true) {
        return res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id,
            object: "chat.completion",
            created,
            model,
            choices: [
              {
                index: 0,
                message: { role: "assistant", content: STAND_IN_CONTENT.join("") },
                finish_reason: "stop",
                logprobs: null,
              },
            ],
            usage,
          }),
        );
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      const base = { id, object: "chat.completion.chunk", created, model };
      const { stallAfterWords, chunkDelayMs } = state;
      const pause = () => new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
      send({
        ...base,
        choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
      });
      for (const [i, word] of STAND_IN_CONTENT.entries()) {
        if (i === stallAfterWords) return; // silent from here on; the socket stays open
        if (chunkDelayMs) await pause();
        send({ ...base, choices: [{ index: 0, delta: { content: word }, finish_reason: null }] });
      }
      send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
      const options = body.stream_options as { include_usage?: boolean } | undefined;
      if (options?.include_usage) send({ ...base, choices: [], usage });
      res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a stalled stream's socket too
      }),
  };
}
