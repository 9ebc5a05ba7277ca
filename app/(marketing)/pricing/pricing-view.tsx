// The pricing page's content, for /pricing and each price experiment variant's static copy of it.
import { annualSavingLabel } from "@/components/pricing/billing";
import { Calculator } from "@/components/pricing/calculator";
import { CreditPacks } from "@/components/pricing/credit-packs";
import { Faq } from "@/components/pricing/faq";
import { FeatureTable } from "@/components/pricing/feature-table";
import { IntervalProvider } from "@/components/pricing/interval-context";
import { IntervalToggle } from "@/components/pricing/interval-toggle";
import { ModelsByTier } from "@/components/pricing/models-by-tier";
import { PlanCards } from "@/components/pricing/plan-cards";
import { PricingSection } from "@/components/pricing/section";
import type { Metadata } from "next";
import type { PublicCatalog } from "@/lib/catalog/public";

export const pricingMetadata: Metadata = {
  title: "Pricing",
  description:
    "Plans, included credits, daily quotas, model access and credit packs, with a cost calculator.",
};

export function PricingView({ catalog }: { catalog: PublicCatalog }) {
  return (
    <IntervalProvider>
      <section
        id="plans"
        aria-labelledby="pricing-title"
        className="scroll-mt-20 bg-[radial-gradient(ellipse_80%_60%_at_50%_0%,var(--color-secondary),transparent)]"
      >
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-20">
          <div className="mx-auto max-w-2xl text-center">
            <p className="text-sm font-semibold text-primary">Pricing</p>
            <h1
              id="pricing-title"
              className="mt-2 text-4xl font-bold tracking-tight text-balance sm:text-5xl"
            >
              Plans that grow with your usage
            </h1>
            <p className="mt-4 text-lg text-pretty text-muted-foreground">
              Start free, pay as you go, or pick a plan with a daily quota and included credits. 1 credit =
              $0.001.
            </p>
          </div>
          {/* Not a Suspense boundary: the cards are the top of the page, and React would stream a
              boundary this far into the HTML out of order (see components/pricing/section.tsx). */}
          <div className="mt-8">
            <IntervalToggle saving={annualSavingLabel(catalog.tiers)} />
          </div>
          <h2 className="sr-only">Plans</h2>
          <div className="mt-10">
            <PlanCards tiers={catalog.tiers} features={catalog.features} />
          </div>
        </div>
      </section>
      <PricingSection id="compare" title="Compare plans" intro="Everything each plan includes, side by side.">
        <FeatureTable
          tiers={catalog.tiers}
          features={catalog.features}
          defaultMarkupBps={catalog.defaultMarkupBps}
        />
      </PricingSection>
      <PricingSection
        id="models"
        title="Models on each plan"
        intro="Higher plans unlock more models. Each model shows its app, how it is billed, and the plan it needs."
      >
        <ModelsByTier tiers={catalog.tiers} apps={catalog.apps} />
      </PricingSection>
      <PricingSection
        id="credit-packs"
        title="Credit packs"
        intro="Top up any workspace, on any plan. Bigger packs come with bonus credits, and credits you buy never expire."
      >
        <CreditPacks packs={catalog.packs} />
      </PricingSection>
      <PricingSection
        id="calculator"
        title="Estimate your monthly cost"
        intro="Add the models you use and how much, and compare pay as you go with every plan."
      >
        <Calculator catalog={catalog} />
      </PricingSection>
      <PricingSection id="faq" title="Frequently asked questions">
        <Faq
          tiers={catalog.tiers}
          apps={catalog.apps}
          defaultMarkupBps={catalog.defaultMarkupBps}
          rolloverPercent={catalog.rolloverPercent}
        />
      </PricingSection>
    </IntervalProvider>
  );
}
