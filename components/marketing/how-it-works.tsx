import { CodeBlock } from "./code-block";

const steps = [
  {
    title: "Set up your catalog",
    body: "Define tiers, apps and models with their units, provider costs and markups in the admin console.",
  },
  {
    title: "Customers subscribe and create a key",
    body: "They pick a plan or buy credits, then create a workspace API key (tg_...) in their dashboard.",
  },
  {
    title: "Your app asks before it works",
    body: "Call POST /api/v1/usage with the model and quantity. Tollgate checks, charges and records the call, then answers with a status your app can act on.",
  },
];

const sample = `// In your video generator, before rendering a clip
const res = await fetch(\`\${TOLLGATE_URL}/api/v1/usage\`, {
  method: "POST",
  headers: {
    Authorization: "Bearer tg_...", // the customer's API key
    "Content-Type": "application/json",
    "Idempotency-Key": job.id, // a retry never charges twice
  },
  body: JSON.stringify({ model: "video-generator:veo-3", quantity: 8 }),
});

switch (res.status) {
  case 200: // charged, balance and quota are in the body
    return renderClip(job);
  case 402: // insufficient_credits or spend_cap_reached
    return offerCreditPack(await res.json());
  case 403: // model_not_allowed, with the requiredTier
    return offerUpgrade(await res.json());
  case 429: // quota_exceeded or rate_limited
    return retryLater(res.headers.get("Retry-After"));
  default:
    throw new Error(\`Tollgate answered \${res.status}\`);
}`;

const answers = [
  {
    status: "200 OK",
    tone: "text-success",
    body: "Allowed and charged. The body reports what was billed (credits, quota, free or BYOK), the remaining balance and the quota window.",
  },
  {
    status: "402 Payment Required",
    tone: "text-destructive",
    body: "insufficient_credits or spend_cap_reached, with the required and available millicredits.",
  },
  {
    status: "403 Forbidden",
    tone: "text-destructive",
    body: "model_not_allowed with the requiredTier to upgrade to, or workspace_suspended.",
  },
  {
    status: "429 Too Many Requests",
    tone: "text-warning",
    body: "quota_exceeded or rate_limited, with a Retry-After header and the reset time.",
  },
];

export function HowItWorks() {
  return (
    <section
      id="how-it-works"
      aria-labelledby="how-it-works-title"
      className="scroll-mt-20 border-t bg-muted/40"
    >
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <div className="max-w-2xl">
          <p className="text-sm font-semibold text-primary">How it works</p>
          <h2
            id="how-it-works-title"
            className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl"
          >
            One call before every paid request
          </h2>
          <p className="mt-4 text-lg text-muted-foreground">
            Your apps keep doing the work. Tollgate decides whether they may, and keeps the books.
          </p>
        </div>
        <div className="mt-12 grid gap-10 lg:grid-cols-[1fr_1.35fr] lg:items-start">
          <ol className="min-w-0 space-y-8">
            {steps.map((step, index) => (
              <li key={step.title} className="flex gap-4">
                <span
                  aria-hidden
                  className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-semibold text-primary-foreground"
                >
                  {index + 1}
                </span>
                <div className="min-w-0">
                  <h3 className="font-semibold">{step.title}</h3>
                  <p className="mt-1 text-sm text-muted-foreground">{step.body}</p>
                </div>
              </li>
            ))}
          </ol>
          <div className="min-w-0 space-y-6">
            <CodeBlock
              code={sample}
              filename="render-clip.ts"
              label="Example: an app calling POST /api/v1/usage and handling the answer"
            />
            <dl className="grid gap-3 sm:grid-cols-2">
              {answers.map((answer) => (
                <div
                  key={answer.status}
                  className="min-w-0 rounded-lg border bg-card p-4 text-card-foreground"
                >
                  <dt className={`font-mono text-sm font-semibold ${answer.tone}`}>{answer.status}</dt>
                  <dd className="mt-1 text-sm break-words text-muted-foreground">{answer.body}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      </div>
    </section>
  );
}
