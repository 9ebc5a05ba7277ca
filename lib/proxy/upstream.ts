import { env } from "@/lib/env";

// The call to the provider, with a deadline of Tollgate's own (UPSTREAM_TIMEOUT_MS): a provider
// that never answers must not keep the client waiting and the credits held. The deadline covers
// the answer's headers, and the whole body of a non-streamed answer; a stream, once started, runs
// as long as the provider keeps sending (the client can go away, which ends it).

export type UpstreamCall =
  | { ok: true; response: Response; done: () => void; timedOut: () => boolean }
  | { ok: false; reason: "timeout" | "unreachable" };

export async function callUpstream(
  url: string,
  opts: { apiKey: string; stream: boolean; body: unknown; signal: AbortSignal },
): Promise<UpstreamCall> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error("upstream timeout")), env.UPSTREAM_TIMEOUT_MS);
  const done = () => clearTimeout(timer);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${opts.apiKey}`,
        "content-type": "application/json",
        accept: opts.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(opts.body),
      signal: AbortSignal.any([opts.signal, deadline.signal]),
    });
    return { ok: true, response, done, timedOut: () => deadline.signal.aborted };
  } catch {
    done();
    return { ok: false, reason: deadline.signal.aborted ? "timeout" : "unreachable" };
  }
}
