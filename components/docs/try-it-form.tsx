"use client";

import { useId, useState, type FormEvent } from "react";
import { FormField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextareaField } from "@/components/forms/textarea-field";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/utils/cn";
import { CodePanel } from "./code-panel";
import type { TryItRequest } from "./try-it";
import { useTryItKey } from "./try-it-keys";

// The console behind "Try it" (./try-it.tsx), loaded when a visitor first opens one: the visitor's
// key, the path and query parameters and the JSON body (prefilled with the documented example) go
// to this origin's API as a real request, and the answer comes back as status, the headers that
// matter and the body. The key is sent only in that request's Authorization header and kept only in
// the page's memory (try-it-keys.ts).

type Answer =
  | {
      kind: "response";
      status: number;
      statusText: string;
      ms: number;
      headers: [string, string][];
      body: string;
    }
  | { kind: "failed"; message: string };

const ALWAYS = ["X-Request-Id", "X-Credits-Remaining", "Retry-After"];
const IF_SENT = ["X-Quota-Remaining", "X-RateLimit-Remaining", "Idempotent-Replayed"];

function pretty(text: string) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export default function TryItForm({ request, heading }: { request: TryItRequest; heading: string }) {
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const [key, setKey] = useTryItKey(request.keyKind);
  const [params, setParams] = useState(() =>
    Object.fromEntries(request.params.map((p) => [p.name, p.example])),
  );
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const [body, setBody] = useState(request.body ?? "");
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  function url() {
    let path = request.path;
    const query = new URLSearchParams();
    for (const p of request.params) {
      const value = params[p.name] ?? "";
      if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (value !== "") query.set(p.name, value);
    }
    return query.size ? `${path}?${query}` : path;
  }

  async function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSending(true);
    setAnswer(null);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (key.trim()) headers.Authorization = `Bearer ${key.trim()}`;
    if (request.body !== null) headers["Content-Type"] = "application/json";
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    const started = performance.now();
    try {
      // Same origin, no cookies: the pasted key is the only credential this request carries.
      const res = await fetch(url(), {
        method: request.method,
        headers,
        body: request.body !== null ? body : undefined,
        credentials: "omit",
        cache: "no-store",
      });
      const text = await res.text();
      setAnswer({
        kind: "response",
        status: res.status,
        statusText: res.statusText,
        ms: Math.round(performance.now() - started),
        headers: [
          ...ALWAYS.map((h): [string, string] => [h, res.headers.get(h) ?? "not sent"]),
          ...IF_SENT.flatMap((h): [string, string][] => {
            const value = res.headers.get(h);
            return value === null ? [] : [[h, value]];
          }),
        ],
        body: pretty(text),
      });
    } catch (error) {
      setAnswer({
        kind: "failed",
        message: `The request did not get an answer: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setSending(false);
    }
  }

  const keyLabel = request.keyKind === "admin" ? "Admin API key (tga_…)" : "API key (tg_… or tgs_…)";
  return (
    <form onSubmit={send} aria-label={`Try ${heading}`} className="space-y-4 border-t px-4 py-4">
      <p className="text-sm text-muted-foreground">
        Sends a real request to this site&apos;s API. Your key stays in this page&apos;s memory: it is sent
        only in this request&apos;s Authorization header to {"this origin's "}
        <code className="font-mono">/api/v1</code>, never stored or logged, and is gone when you close or
        reload the page.
      </p>
      {request.effect === "charges" && (
        <Alert variant="warning">
          This really charges the workspace of the key: credits or quota are spent as for any call.
        </Alert>
      )}
      {request.effect === "changes" && (
        <Alert variant="warning">This really changes data on this Tollgate instance.</Alert>
      )}
      <FormField
        id={id("key")}
        name="key"
        label={keyLabel}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={key}
        onChange={(e) => setKey(e.target.value)}
        hint="Shared by every Try it panel on this page."
      />
      {request.params.map((p) => (
        <FormField
          key={p.name}
          id={id(`param-${p.name}`)}
          name={p.name}
          label={`${p.name} (${p.in === "path" ? "path" : "query"}${p.required ? "" : ", optional"})`}
          value={params[p.name] ?? ""}
          onChange={(e) => setParams((all) => ({ ...all, [p.name]: e.target.value }))}
          className="font-mono"
        />
      ))}
      {request.idempotencyKey && (
        <FormField
          id={id("idempotency")}
          name="idempotencyKey"
          label="Idempotency-Key (optional)"
          value={idempotencyKey}
          onChange={(e) => setIdempotencyKey(e.target.value)}
          hint="Send twice with the same key: the first answer comes back and nothing is charged again."
          className="font-mono"
        />
      )}
      {request.body !== null && (
        <TextareaField
          id={id("body")}
          name="body"
          label="Request body (JSON)"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={Math.min(14, body.split("\n").length + 1)}
          spellCheck={false}
          wrap="off"
          className="overflow-x-auto font-mono text-[13px] whitespace-pre"
        />
      )}
      <SubmitButton pending={sending} pendingLabel="Sending…">
        Send request
      </SubmitButton>
      <div aria-live="polite" aria-busy={sending} className="space-y-3">
        {answer?.kind === "failed" && <Alert variant="error">{answer.message}</Alert>}
        {answer?.kind === "response" && (
          <>
            <p className="text-sm">
              Response:{" "}
              <strong
                className={cn(
                  "font-mono",
                  answer.status < 300
                    ? "text-success"
                    : answer.status < 500
                      ? "text-warning"
                      : "text-destructive",
                )}
              >
                {answer.status} {answer.statusText}
              </strong>{" "}
              <span className="text-muted-foreground">in {answer.ms} ms</span>
            </p>
            <dl className="divide-y rounded-lg border text-sm">
              {answer.headers.map(([name, value]) => (
                <div key={name} className="flex flex-wrap gap-x-3 px-3 py-2">
                  <dt className="font-mono font-semibold">{name}</dt>
                  <dd className="font-mono break-all text-muted-foreground">{value}</dd>
                </div>
              ))}
            </dl>
            <CodePanel label={`${heading} response body`} code={answer.body} />
          </>
        )}
      </div>
    </form>
  );
}
