// The storefront's content, for / and each price experiment variant's static copy of it (./v/[variant]).
import { annualSavingLabel } from "@/components/pricing/billing";
import { Calculator } from "@/components/pricing/calculator";
import { IntervalProvider } from "@/components/pricing/interval-context";
import { IntervalToggle } from "@/components/pricing/interval-toggle";
import { PlanCards } from "@/components/pricing/plan-cards";
import { PricingSection } from "@/components/pricing/section";
import { AppsShowcase } from "@/components/marketing/apps-showcase";
import { ClosingCta } from "@/components/marketing/closing-cta";
import { StorefrontHero } from "@/components/marketing/storefront-hero";
import type { getCachedBranding } from "@/lib/branding/cached";
import type { PublicCatalog } from "@/lib/catalog/public";

type Brand = Awaited<ReturnType<typeof getCachedBranding>>;

export function LandingView({ brand, catalog }: { brand: Brand; catalog: PublicCatalog }) {
  // The plan cards and the calculator share the billing interval the toggle picks.
  return (
    <IntervalProvider>
      <StorefrontHero headline={brand.headline} subheadline={brand.subheadline} catalog={catalog} />
      <PricingSection
        id="apps"
        title="Our apps"
        intro="Every app and model you can use with one account. Higher plans unlock more models."
      >
        <AppsShowcase apps={catalog.apps} tiers={catalog.tiers} />
      </PricingSection>
      <PricingSection
        id="plans"
        title="Plans"
        intro="Start free. Every plan includes monthly credits and a daily quota; pay yearly to save."
        className="bg-muted/40"
      >
        <IntervalToggle saving={annualSavingLabel(catalog.tiers)} />
        <div className="mt-8">
          <PlanCards tiers={catalog.tiers} features={catalog.features} />
        </div>
      </PricingSection>
      <PricingSection
        id="calculator"
        title="Estimate your monthly cost"
        intro="Add the models you use and how much, and compare pay as you go with every plan."
      >
        <Calculator catalog={catalog} />
      </PricingSection>
      <ClosingCta companyName={brand.companyName} />
    </IntervalProvider>
  );
}
