import { CodeBlock } from "@/components/marketing/code-block";

// The receiver's recipe, kept in step with lib/webhooks/sign.ts (verifyWebhookSignature).
const NODE = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a string, before JSON.parse).
export function verifyTollgate(secret, header, rawBody, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2)));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t)) return false;
  if (Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// verifyTollgate(process.env.TOLLGATE_WEBHOOK_SECRET, req.headers["tollgate-signature"], rawBody)`;

const PYTHON = `import hashlib, hmac, time

def verify_tollgate(secret: str, header: str, raw_body: bytes, tolerance: int = 300) -> bool:
    parts = dict(p.split("=", 1) for p in header.split(","))
    t, v1 = parts.get("t", ""), parts.get("v1", "")
    if not t.isdigit() or abs(time.time() - int(t)) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, v1)`;

export function VerifySignatures() {
  return (
    <section aria-labelledby="verify-heading" className="grid gap-3">
      <h2 id="verify-heading" className="text-xl font-semibold tracking-tight">
        Verifying signatures
      </h2>
      <div className="grid gap-2 text-sm text-muted-foreground">
        <p>
          Every delivery is a <code className="font-mono text-foreground">POST</code> with a JSON body{" "}
          <code className="font-mono text-foreground">{"{ id, type, created, workspaceId, data }"}</code> and
          the headers{" "}
          <code className="font-mono text-foreground">
            Tollgate-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;
          </code>
          , <code className="font-mono text-foreground">Tollgate-Event-Id</code> and{" "}
          <code className="font-mono text-foreground">Tollgate-Event-Type</code>.
        </p>
        <p>
          <code className="font-mono text-foreground">v1</code> is the hex HMAC-SHA256 of{" "}
          <code className="font-mono text-foreground">&lt;t&gt;.&lt;raw body&gt;</code>, keyed with the whole
          signing secret (including <code className="font-mono text-foreground">whsec_</code>). Compare in
          constant time, reject timestamps more than 5 minutes away, and answer 2xx quickly. Failed deliveries
          are retried with backoff; a replay keeps the event id, so deduplicate on it.
        </p>
      </div>
      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        <CodeBlock code={NODE} filename="verify.mjs" label="Verifying a signature in JavaScript" />
        <CodeBlock code={PYTHON} filename="verify.py" label="Verifying a signature in Python" />
      </div>
    </section>
  );
}
