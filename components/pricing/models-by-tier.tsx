import { Badge } from "@/components/ui/badge";
import type { PublicCatalog, PublicModel } from "@/lib/catalog/public";

export const unitLabel: Record<PublicModel["unit"], string> = {
  request: "Billed per request",
  image: "Billed per image",
  second: "Billed per second",
  token: "Billed per 1K tokens",
};

function ModelItem({ model, appName, requires }: { model: PublicModel; appName: string; requires: string }) {
  return (
    <li className="min-w-0 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{model.name}</span>
        {model.beta ? <Badge variant="outline">Beta</Badge> : null}
        {model.free ? <Badge variant="secondary">Free</Badge> : null}
        <Badge variant="outline" className="font-medium text-muted-foreground">
          {requires}
        </Badge>
      </div>
      <p className="mt-1 font-mono text-xs break-all text-muted-foreground">{model.key}</p>
      <p className="mt-1 text-xs text-muted-foreground">
        {appName} · {unitLabel[model.unit]}
      </p>
    </li>
  );
}

/** "All plans" or "Requires Pro": the lowest plan that includes the model. */
export function requiredPlanLabel(tiers: PublicCatalog["tiers"]) {
  const tierName = new Map(tiers.map((t) => [t.code, t.name]));
  // The lowest tier's models are on every plan (higher tiers include what lower ones have).
  return (m: PublicModel) =>
    m.requiredTier === tiers[0]?.code
      ? "All plans"
      : `Requires ${tierName.get(m.requiredTier ?? "") ?? "a higher plan"}`;
}

export function ModelsByTier({ tiers, apps }: Pick<PublicCatalog, "tiers" | "apps">) {
  const requires = requiredPlanLabel(tiers);
  return (
    <div className="grid gap-10">
      {tiers.map((tier) => {
        const keys = new Set(tier.modelKeys);
        const models = apps.flatMap((app) =>
          app.models.filter((m) => keys.has(m.key)).map((m) => ({ m, appName: app.name })),
        );
        return (
          <div key={tier.code} className="min-w-0">
            <h3 className="text-lg font-semibold">
              {tier.name}{" "}
              <span className="text-sm font-normal text-muted-foreground">
                · {models.length === 1 ? "1 model" : `${models.length} models`}
              </span>
            </h3>
            <ul
              data-testid={`models-${tier.code}`}
              aria-label={`Models on ${tier.name}`}
              className="mt-2 grid gap-x-8 border-t md:grid-cols-2 lg:grid-cols-3 [&>li]:border-b"
            >
              {models.map(({ m, appName }) => (
                <ModelItem key={m.key} model={m} appName={appName} requires={requires(m)} />
              ))}
            </ul>
            {models.length === 0 ? (
              <p className="mt-2 text-sm text-muted-foreground">No models are included on this plan.</p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
