import { cn } from "@/lib/utils/cn";

type Decision = {
  status: number;
  model: string;
  detail: string;
  tone: "success" | "warning" | "destructive";
};

// Illustrative answers, one per outcome an app has to handle; not live data.
const decisions: Decision[] = [
  { status: 200, model: "video-generator:veo-3", detail: "8 seconds · billed to credits", tone: "success" },
  {
    status: 200,
    model: "chat:gpt-4o-mini",
    detail: "1,240 input + 380 output tokens · billed to quota",
    tone: "success",
  },
  {
    status: 402,
    model: "poster-editor:inpaint-pro",
    detail: "insufficient_credits · offer a credit pack",
    tone: "destructive",
  },
  {
    status: 403,
    model: "video-generator:veo-3",
    detail: "model_not_allowed · requiredTier: pro",
    tone: "destructive",
  },
  { status: 429, model: "chat:gpt-4o-mini", detail: "quota_exceeded · resets 00:00 UTC", tone: "warning" },
];

const toneClass = {
  success: "text-success",
  warning: "text-warning",
  destructive: "text-destructive",
} as const;

export function DecisionFeed() {
  return (
    <figure className="min-w-0 rounded-xl border bg-card text-card-foreground shadow-lg">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b px-4 py-3">
        <span className="font-mono text-xs font-medium">POST /api/v1/usage</span>
        <span className="text-xs text-muted-foreground">One decision per call</span>
      </div>
      <ul className="divide-y">
        {decisions.map((decision, index) => (
          <li key={index} className="flex items-start gap-3 px-4 py-3">
            <span
              className={cn(
                "w-9 shrink-0 font-mono text-sm font-semibold tabular-nums",
                toneClass[decision.tone],
              )}
            >
              <span className="sr-only">HTTP </span>
              {decision.status}
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-mono text-sm break-all">{decision.model}</p>
              <p className="mt-0.5 text-xs break-words text-muted-foreground">{decision.detail}</p>
            </div>
          </li>
        ))}
      </ul>
      <figcaption className="border-t px-4 py-3 text-xs text-muted-foreground">
        Example answers. Each one is checked, charged and recorded in a single transaction.
      </figcaption>
    </figure>
  );
}
