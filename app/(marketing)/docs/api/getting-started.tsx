import Link from "next/link";
import { CodePanel } from "@/components/docs/code-panel";
import { CodeTabs } from "@/components/docs/code-tabs";
import type { OpenApiDocument } from "@/lib/openapi/types";

// The guide: create a key, make the first metered call (the document's own sample for
// POST /api/v1/usage), then handle the refusals an app must expect.

function handlingSamples(baseUrl: string) {
  const javascript = `// Meter one call; retries only what is safe to retry (same Idempotency-Key, nothing charged twice).
async function meter(body, idempotencyKey) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch("${baseUrl}/api/v1/usage", {
      method: "POST",
      headers: {
        Authorization: \`Bearer \${process.env.TOLLGATE_API_KEY}\`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify(body),
    });
    const data = await res.json();
    if (res.ok) return { ok: true, usage: data }; // charged (or replayed): run the job

    const { code } = data.error;
    switch (code) {
      case "insufficient_credits": // 402: offer credits (requiredMillicredits vs balanceMillicredits)
      case "spend_cap_reached": // 402: this key's or member's monthly cap is spent
        return { ok: false, status: 402, code, error: data.error };
      case "model_not_allowed": // 403: upsell; error.requiredTier has the model
      case "workspace_suspended": // 403: contact support, never retry
        return { ok: false, status: 403, code, error: data.error };
      case "quota_exceeded": // 429: today's quota is gone until error.resetsAt
        return { ok: false, status: 429, code, resetsAt: data.error.resetsAt };
      case "rate_limited": { // 429: too fast; wait Retry-After seconds and retry
        const seconds = Number(res.headers.get("Retry-After") ?? 1);
        if (attempt >= 3) return { ok: false, status: 429, code, retryAfter: seconds };
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      default: // 400, 401, 404, 409: a bug or a bad key; log it
        throw new Error(\`\${res.status} \${code}: \${data.error.message}\`);
    }
  }
}`;
  const python = `import os
import time

import requests


def meter(body, idempotency_key):
    """Meter one call; retries only what is safe to retry (same Idempotency-Key)."""
    for attempt in range(1, 4):
        res = requests.post(
            "${baseUrl}/api/v1/usage",
            headers={
                "Authorization": f"Bearer {os.environ['TOLLGATE_API_KEY']}",
                "Idempotency-Key": idempotency_key,
            },
            json=body,
            timeout=10,
        )
        data = res.json()
        if res.ok:
            return {"ok": True, "usage": data}  # charged (or replayed): run the job

        error = data["error"]
        code = error["code"]
        if code in ("insufficient_credits", "spend_cap_reached"):  # 402: offer credits
            return {"ok": False, "status": 402, "code": code, "error": error}
        if code in ("model_not_allowed", "workspace_suspended"):  # 403: upsell error["requiredTier"] / support
            return {"ok": False, "status": 403, "code": code, "error": error}
        if code == "quota_exceeded":  # 429: today's quota is gone until error["resetsAt"]
            return {"ok": False, "status": 429, "code": code, "resets_at": error["resetsAt"]}
        if code == "rate_limited" and attempt < 3:  # 429: wait Retry-After seconds and retry
            time.sleep(int(res.headers.get("Retry-After", "1")))
            continue
        raise RuntimeError(f"{res.status_code} {code}: {error['message']}")  # 400/401/404/409: log it
    return {"ok": False, "status": 429, "code": "rate_limited"}`;
  return [
    { id: "javascript", label: "JavaScript", code: javascript },
    { id: "python", label: "Python", code: python },
  ];
}

const REFUSALS = [
  "insufficient_credits",
  "spend_cap_reached",
  "model_not_allowed",
  "workspace_suspended",
  "quota_exceeded",
  "rate_limited",
];

const stepHeading = "text-lg font-semibold tracking-tight";

export function GettingStarted({ doc }: { doc: OpenApiDocument }) {
  const usage = doc.paths["/api/v1/usage"]?.post;
  if (!usage) return null;
  const baseUrl = doc.servers[0].url.replace(/\/$/, "");
  const refusals = Object.entries(usage.responses).flatMap(([status, response]) =>
    Object.entries(response.content["application/json"].examples ?? {})
      .filter(([code]) => REFUSALS.includes(code))
      .map(([code, example]) => ({ status, code, when: example.summary })),
  );
  const success = usage.responses["200"].content["application/json"].example;
  return (
    <section id="getting-started" aria-labelledby="getting-started-title" className="scroll-mt-20">
      <h2 id="getting-started-title" className="text-2xl font-bold tracking-tight">
        Getting started
      </h2>
      <p className="mt-2 max-w-3xl text-muted-foreground">
        Your app asks Tollgate before every paid call: may this workspace use this model now? Tollgate
        decides, charges and records it in one step. Three steps get you there.
      </p>
      <ol className="mt-8 space-y-10">
        <li>
          <h3 className={stepHeading}>1. Create an API key</h3>
          <p className="mt-2 max-w-3xl text-muted-foreground">
            Sign in and open{" "}
            <Link
              href="/dashboard/api-keys"
              className="font-medium text-primary underline underline-offset-4"
            >
              API keys
            </Link>{" "}
            in your dashboard, then choose <strong className="text-foreground">Create API key</strong>. The
            key starts with <code className="font-mono text-sm text-foreground">tg_</code> and is shown once:
            store it as a secret, e.g. the environment variable{" "}
            <code className="font-mono text-sm text-foreground">TOLLGATE_API_KEY</code>. Keys authenticate
            with <code className="font-mono text-sm text-foreground">Authorization: Bearer tg_…</code>.
          </p>
        </li>
        <li>
          <h3 className={stepHeading}>2. Make your first metered call</h3>
          <p className="mt-2 max-w-3xl text-muted-foreground">
            Call <code className="font-mono text-sm text-foreground">POST /api/v1/usage</code> with the model
            and the amount used. Send an{" "}
            <code className="font-mono text-sm text-foreground">Idempotency-Key</code> that is unique per job:
            if the network fails and you retry with the same key, you get the first answer back (with{" "}
            <code className="font-mono text-sm text-foreground">Idempotent-Replayed: true</code>) and nothing
            is charged twice.
          </p>
          <div className="mt-4 grid min-w-0 grid-cols-1 gap-6 xl:grid-cols-2">
            <CodeTabs
              label="First metered call"
              tabs={usage["x-codeSamples"].map((s) => ({ id: s.lang, label: s.label, code: s.source }))}
            />
            <div className="min-w-0 space-y-2">
              <p className="text-sm text-muted-foreground">
                200: the call is charged. Rate-limit, credit and quota headers come with it.
              </p>
              <CodePanel label="First metered call: response" code={JSON.stringify(success, null, 2)} />
            </div>
          </div>
        </li>
        <li>
          <h3 className={stepHeading}>3. Handle 402, 403 and 429</h3>
          <p className="mt-2 max-w-3xl text-muted-foreground">
            A refusal charges nothing. Branch on{" "}
            <code className="font-mono text-sm text-foreground">error.code</code>, never on the message:
          </p>
          <ul className="mt-4 divide-y rounded-lg border">
            {refusals.map((r) => (
              <li
                key={r.code}
                className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-baseline sm:gap-4"
              >
                <span className="shrink-0 font-mono font-semibold sm:w-56">
                  {r.status} <code>{r.code}</code>
                </span>
                <span className="text-muted-foreground">{r.when}</span>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <CodeTabs label="Handling refusals" tabs={handlingSamples(baseUrl)} />
          </div>
        </li>
      </ol>
    </section>
  );
}
