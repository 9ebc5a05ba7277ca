import type { Metadata } from "next";
import Link from "next/link";
import { DocArticle } from "@/components/docs/doc-article";
import { Snippet, SnippetTabs } from "@/components/docs/snippet";

export const metadata: Metadata = {
  title: "Metering an LLM call",
  description:
    "Charge known costs first; hold, call the model and commit the real tokens for unknown ones; streaming, the OpenAI-compatible proxy, idempotency and what the user sees.",
};

const REFUSALS = [
  {
    status: "402",
    code: "insufficient_credits",
    sees: "The credits ran out, with Buy credits: the workspace's credits page (buyCreditsUrl).",
  },
  {
    status: "402",
    code: "spend_cap_reached",
    sees: "The monthly spending limit is reached, with the date it resets; a workspace owner can raise it.",
  },
  {
    status: "403",
    code: "model_not_allowed",
    sees: "The model needs a higher plan, named, with Upgrade: billing with that plan chosen (upgradeUrl).",
  },
  {
    status: "429",
    code: "quota_exceeded",
    sees: "Today's quota is used up, with the time it resets and Upgrade for a bigger quota (upgradeUrl).",
  },
  {
    status: "429",
    code: "rate_limited",
    sees: "Usually nothing: the SDK waits for Retry-After and tries again; after its retries, a request to try again shortly.",
  },
] as const;

export default function MeteringLlmCallsGuidePage() {
  return (
    <DocArticle
      eyebrow="Guide"
      title="Metering an LLM call"
      lead={
        <p>
          An image costs the same every time; an LLM answer costs what its tokens cost, and you learn that
          only when it is done. This guide charges both without ever charging twice, charging for work that
          failed, or letting a user run up a bill they cannot pay.
        </p>
      }
      sections={[
        {
          id: "known-or-unknown",
          title: "Known cost or unknown cost?",
          body: (
            <>
              <p>
                <strong>Known cost</strong> (one image, one request, seconds of video): charge first, then do
                the work. A refusal arrives before the work starts, so it never costs you anything.{" "}
                <code>tollgate.meter()</code> does both in one call.
              </p>
              <Snippet
                file="typescript/llm-known-cost.ts"
                filename="lib/inpaint.ts"
                label="Known cost: charge, then work (TypeScript)"
              />
              <p>
                <strong>Unknown cost</strong> (tokens): you cannot charge first, and charging afterwards lets
                a user with 3 credits start a 300-credit answer. Hold an estimate instead.
              </p>
            </>
          ),
        },
        {
          id: "hold-call-commit",
          title: "Hold, call the model, commit",
          body: (
            <>
              <ol className="list-decimal space-y-2 pl-5">
                <li>
                  <strong>Hold</strong> the most the call may cost: the prompt&apos;s tokens and{" "}
                  <code>max_tokens</code> of output. Tollgate checks the plan and sets the credits aside; a
                  user who cannot cover the hold is refused here, before the model runs.
                </li>
                <li>
                  <strong>Call the model</strong> as you do today.
                </li>
                <li>
                  <strong>Commit</strong> the tokens the provider reports. That is what is charged (more or
                  less than the estimate) and the rest of the hold comes back at once. If the call fails, the
                  hold is <strong>released</strong> and nothing is charged; if your process dies, the hold
                  expires on its own (<code>ttlSeconds</code>, default 300).
                </li>
              </ol>
              <SnippetTabs
                label="Hold, call, commit"
                typescript="typescript/llm-hold.ts"
                python="python/llm_hold.py"
              />
            </>
          ),
        },
        {
          id: "streaming",
          title: "Streaming with meter.stream",
          body: (
            <>
              <p>
                <code>meter.stream</code> holds, passes the model&apos;s chunks through as they arrive and
                commits the usage the last chunk reports (ask for it with{" "}
                <code>stream_options: {"{ include_usage: true }"}</code>). It settles on every way out: a
                finished stream is committed, a failed one released, and one the reader abandoned is committed
                for what it reported.
              </p>
              <SnippetTabs
                label="Streaming with meter.stream"
                typescript="typescript/llm-stream.ts"
                python="python/llm_stream.py"
              />
            </>
          ),
        },
        {
          id: "chat-proxy",
          title: "Or: the OpenAI-compatible proxy",
          body: (
            <>
              <p>
                If your app already uses the official <code>openai</code> client, point its base URL at{" "}
                <code>/api/v1</code> on Tollgate and use a workspace key. Tollgate holds from{" "}
                <code>max_tokens</code>, forwards to the provider, streams the answer back unchanged and
                commits the provider&apos;s own token count. <code>models.list()</code> shows the ids your
                plan can call; a provider&apos;s <code>Retry-After</code> comes through; a provider that does
                not answer within <code>UPSTREAM_TIMEOUT_MS</code> gives a 504 and the hold back.
              </p>
              <SnippetTabs
                label="The OpenAI-compatible proxy"
                typescript="typescript/llm-chat-proxy.ts"
                python="python/llm_chat_proxy.py"
              />
            </>
          ),
        },
        {
          id: "idempotency",
          title: "Idempotency keys and retries",
          body: (
            <>
              <p>
                An idempotency key names one piece of work. Sent again with the same key, a charge answers the
                first result (<code>Idempotent-Replayed: true</code>) and charges nothing; sent with the same
                key and a different body, it is refused with 409. Derive the key from the job, not the
                attempt.
              </p>
              <ul className="list-disc space-y-2 pl-5">
                <li>
                  The SDKs give every charge a key when you give none, and retry a dropped connection, a 5xx
                  or a 429 <code>rate_limited</code> with that same key, waiting for <code>Retry-After</code>.
                  They never retry any other 4xx.
                </li>
                <li>
                  A hold, a commit and a release are safe to retry: a second commit of the same hold is
                  refused, and a stray hold expires unclaimed.
                </li>
                <li>
                  A non-streamed chat completion with an <code>Idempotency-Key</code> is answered again on a
                  retry and charged once; a streamed one cannot be replayed (409).
                </li>
              </ul>
              <Snippet
                file="typescript/llm-retries.ts"
                filename="jobs/charge.ts"
                label="Idempotency keys, retries and background tracking (TypeScript)"
              />
            </>
          ),
        },
        {
          id: "what-the-user-sees",
          title: "What the user sees on 402, 403 and 429",
          body: (
            <>
              <p>
                A refusal is not an error page: each one says what the user can do. Pass the refusal&apos;s
                body from your metered route to <code>{"<UpgradePrompt />"}</code> (
                <Link href="/docs/sdk/react#upgrade-prompt">React components</Link>) and it shows:
              </p>
              <ul aria-label="Refusals and what the user sees" className="divide-y rounded-lg border text-sm">
                {REFUSALS.map((r) => (
                  <li key={r.code} className="space-y-1 px-4 py-3">
                    <p className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-mono font-semibold text-foreground">{r.status}</span>
                      <code>{r.code}</code>
                    </p>
                    <p>{r.sees}</p>
                  </li>
                ))}
              </ul>
              <p>
                The <Link href="/docs/api#getting-started">API reference</Link> lists every code with its
                details; the dashboard counts refused calls per day and reason, so you can see which prompt
                your users meet most.
              </p>
            </>
          ),
        },
      ]}
    />
  );
}
