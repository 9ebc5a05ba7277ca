import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function ClosingCta({ companyName }: { companyName: string }) {
  return (
    <section aria-labelledby="closing-cta-title" className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
      <div className="rounded-2xl bg-primary px-6 py-12 text-center text-primary-foreground sm:px-12 sm:py-16">
        <h2 id="closing-cta-title" className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
          Start with {companyName} today
        </h2>
        <p className="mx-auto mt-4 max-w-2xl text-lg text-pretty">
          Create an account to get a workspace on the free plan, then upgrade or buy credits whenever you need
          more.
        </p>
        <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
          <Button asChild size="lg" variant="secondary" className="focus-visible:ring-primary-foreground">
            <Link href="/sign-up">
              Create an account
              <ArrowRight aria-hidden />
            </Link>
          </Button>
          <Button
            asChild
            size="lg"
            variant="outline"
            className="border-primary-foreground bg-transparent text-primary-foreground hover:bg-primary-foreground hover:text-primary focus-visible:ring-primary-foreground"
          >
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </div>
    </section>
  );
}
