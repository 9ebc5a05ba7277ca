// GET /admin/catalog/markups — the global default, each tier's markup, and what a call costs per tier.
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listAppsWithModels } from "@/lib/catalog/models";
import { formatBps } from "@/lib/catalog/money";
import { getSettings } from "@/lib/settings/settings";
import { listTiers } from "@/lib/catalog/tiers";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { bpsToInput } from "../_lib/form-values";
import { DefaultMarkupForm } from "./default-markup-form";
import { PricePreview } from "./price-preview";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Markups" };

export default async function MarkupsPage() {
  await requireAdmin();
  const [settings, tiers, apps] = await Promise.all([getSettings(), listTiers(), listAppsWithModels()]);
  const models = apps.flatMap((app) => app.models).filter((m) => m.enabled);
  const linkClass =
    "rounded-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Global default markup</CardTitle>
          <CardDescription>
            A call costs the provider&apos;s price plus a markup: the model&apos;s override if it has one,
            else the tier&apos;s markup, else this default. Free models and calls with the customer&apos;s own
            provider key carry none.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DefaultMarkupForm percent={bpsToInput(settings.defaultMarkupBps)} />
        </CardContent>
      </Card>

      <section className="grid gap-4">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">Tier markups</h2>
          <p className="text-sm text-muted-foreground">
            Change a tier&apos;s markup in its tier form; a model&apos;s override in its model form.
          </p>
        </div>
        <DataTable label="Tier markups">
          <thead>
            <tr>
              <Th>Tier</Th>
              <Th className="text-right">Markup</Th>
              <Th>Comes from</Th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier.id}>
                <Th scope="row" className="border-b bg-transparent font-normal text-foreground">
                  <Link href={`/admin/catalog/tiers/${tier.id}`} className={linkClass}>
                    {tier.name}
                  </Link>
                </Th>
                <Td className="text-right tabular-nums">
                  {formatBps(tier.markupBps ?? settings.defaultMarkupBps)}
                </Td>
                <Td className="text-muted-foreground">
                  {tier.markupBps === null ? "Global default" : "The tier"}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section className="grid gap-4">
        <div className="grid gap-1">
          <h2 className="text-xl font-semibold tracking-tight">Price preview</h2>
          <p className="text-sm text-muted-foreground">
            What one unit of each enabled model costs on each tier (token models: 1K input + 1K output
            tokens), with the markup that applies. &ldquo;—&rdquo; means the tier has no access.
          </p>
        </div>
        <PricePreview models={models} tiers={tiers} defaultMarkupBps={settings.defaultMarkupBps} />
      </section>
    </>
  );
}
