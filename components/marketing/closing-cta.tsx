import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function ClosingCta() {
  return (
    <section aria-labelledby="closing-cta-title" className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
      <div className="rounded-2xl bg-primary px-6 py-12 text-center text-primary-foreground sm:px-12 sm:py-16">
        <h2 id="closing-cta-title" className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
          Put a tollgate in front of your models
        </h2>
        <p className="mx-auto mt-4 max-w-2xl text-lg text-pretty">
          Create an account to get a workspace on the free tier, or sign in to manage your plan, credits and
          API keys.
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
        <p className="mt-6 text-sm">
          Already subscribed?{" "}
          <Link
            href="/dashboard"
            className="rounded-sm font-semibold underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-primary-foreground focus-visible:outline-none"
          >
            Open your dashboard
          </Link>
        </p>
      </div>
    </section>
  );
}
