import { BuiltFor } from "@/components/marketing/built-for";
import { ClosingCta } from "@/components/marketing/closing-cta";
import { Features } from "@/components/marketing/features";
import { Hero } from "@/components/marketing/hero";
import { HowItWorks } from "@/components/marketing/how-it-works";

// Static on purpose: nothing here reads cookies, headers or the database.
export default function LandingPage() {
  return (
    <>
      <Hero />
      <BuiltFor />
      <Features />
      <HowItWorks />
      <ClosingCta />
    </>
  );
}
