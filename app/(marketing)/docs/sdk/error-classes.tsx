// The refusals an app must expect, as the SDKs' error classes with what each carries (TypeScript
// properties are camelCase, Python's snake_case). Both SDKs use the same class names.

const ROWS = [
  {
    status: 402,
    code: "insufficient_credits",
    name: "InsufficientCreditsError",
    props: ["buyCreditsUrl", "requiredMillicredits", "balanceMillicredits"],
    means: "Out of credits: offer to buy more.",
  },
  {
    status: 402,
    code: "spend_cap_reached",
    name: "SpendCapReachedError",
    props: ["capMillicredits", "spentMillicredits", "resetsAt"],
    means: "This key's or member's monthly cap is spent.",
  },
  {
    status: 403,
    code: "model_not_allowed",
    name: "ModelNotAllowedError",
    props: ["requiredTier", "upgradeUrl"],
    means: "The plan lacks the model: offer the tier that unlocks it.",
  },
  {
    status: 403,
    code: "workspace_suspended",
    name: "WorkspaceSuspendedError",
    props: [],
    means: "An admin suspended the workspace: never retry.",
  },
  {
    status: 429,
    code: "quota_exceeded",
    name: "QuotaExceededError",
    props: ["resetsAt", "upgradeUrl"],
    means: "Today's quota is used up until the reset.",
  },
  {
    status: 429,
    code: "rate_limited",
    name: "RateLimitedError",
    props: ["retryAfterSeconds"],
    means: "Too fast: the SDK already waited and retried.",
  },
] as const;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace("_seconds", "");

export function ErrorClasses({ language }: { language: "typescript" | "python" }) {
  return (
    <ul aria-label="Refusals and their error classes" className="divide-y rounded-lg border text-sm">
      {ROWS.map((row) => (
        <li key={row.code} className="space-y-1 px-4 py-3">
          <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="font-mono font-semibold text-foreground">{row.status}</span>
            <code>{row.code}</code>
            <span aria-hidden>→</span>
            <code className="font-semibold">{row.name}</code>
          </p>
          <p>
            {row.means}
            {row.props.length > 0 && (
              <>
                {" "}
                Carries{" "}
                {row.props.map((p, i) => (
                  <span key={p}>
                    {i > 0 && ", "}
                    <code>{language === "python" ? snake(p) : p}</code>
                  </span>
                ))}
                .
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
