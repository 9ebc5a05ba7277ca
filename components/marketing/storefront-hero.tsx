import { ArrowRight, Check } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { PublicCatalog } from "@/lib/catalog/public";

// Facts that follow from the catalog as it is now: nothing here is a claim the catalog can't back.
function catalogFacts({ apps, tiers, packs }: PublicCatalog) {
  const models = apps.reduce((n, a) => n + a.models.length, 0);
  const freePlan = tiers.find((t) => t.monthlyPriceCents === 0 && t.annualPriceCents === 0);
  return [
    `${apps.length === 1 ? "1 app" : `${apps.length} apps`} and ${models === 1 ? "1 model" : `${models} models`} on one account and one balance`,
    freePlan ? `A ${freePlan.name} plan to start with, no card needed` : null,
    packs.length ? "Credit packs for top-ups; credits you buy never expire" : null,
  ].filter((f): f is string => Boolean(f));
}

export function StorefrontHero({
  headline,
  subheadline,
  catalog,
}: {
  headline: string;
  subheadline: string;
  catalog: PublicCatalog;
}) {
  return (
    <section
      aria-labelledby="hero-title"
      className="bg-[radial-gradient(ellipse_80%_60%_at_50%_0%,var(--color-secondary),transparent)]"
    >
      <div className="mx-auto max-w-4xl px-4 py-16 text-center sm:px-6 sm:py-24">
        <h1
          id="hero-title"
          className="text-4xl font-bold tracking-tight text-balance sm:text-5xl lg:text-6xl"
        >
          {headline}
        </h1>
        {subheadline ? (
          <p className="mx-auto mt-6 max-w-2xl text-lg text-pretty text-muted-foreground">{subheadline}</p>
        ) : null}
        <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
          <Button asChild size="lg">
            <Link href="/sign-up">
              Start for free
              <ArrowRight aria-hidden />
            </Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/pricing">See plans and prices</Link>
          </Button>
        </div>
        <ul className="mx-auto mt-8 grid max-w-xl gap-2 text-left text-sm text-muted-foreground">
          {catalogFacts(catalog).map((fact) => (
            <li key={fact} className="flex items-start gap-2">
              <Check className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
              <span>{fact}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
