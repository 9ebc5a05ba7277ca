import { requiredPlanLabel, unitLabel } from "@/components/pricing/models-by-tier";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PublicCatalog } from "@/lib/catalog/public";

/** Every app the catalog sells, with its models and the plan each one needs. */
export function AppsShowcase({ apps, tiers }: Pick<PublicCatalog, "apps" | "tiers">) {
  const requires = requiredPlanLabel(tiers);
  return (
    <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
      {apps.map((app) => (
        <li key={app.key} className="min-w-0" data-testid={`app-${app.key}`}>
          <Card className="flex h-full flex-col p-6">
            <h3 className="text-lg font-semibold">{app.name}</h3>
            <p className="mt-1 text-sm text-muted-foreground">{app.description}</p>
            <ul aria-label={`${app.name} models`} className="mt-4 grid gap-3 border-t pt-4">
              {app.models.map((m) => (
                <li key={m.key} className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{m.name}</span>
                    {m.beta ? <Badge variant="outline">Beta</Badge> : null}
                    <Badge variant="outline" className="font-medium text-muted-foreground">
                      {requires(m)}
                    </Badge>
                  </div>
                  <p className="mt-0.5 text-xs text-muted-foreground">{unitLabel[m.unit]}</p>
                </li>
              ))}
            </ul>
          </Card>
        </li>
      ))}
    </ul>
  );
}
