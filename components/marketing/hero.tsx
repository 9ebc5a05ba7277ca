import { ArrowRight, Check } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DecisionFeed } from "./decision-feed";

const facts = [
  "1 credit = $0.001, counted in integer millicredits",
  "Free, Starter, Pro and Enterprise tiers ready to edit",
  "Runs fully offline with built-in local payments",
];

export function Hero() {
  return (
    <section
      aria-labelledby="hero-title"
      className="bg-[radial-gradient(ellipse_80%_60%_at_50%_0%,var(--color-secondary),transparent)]"
    >
      <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 py-16 sm:px-6 sm:py-24 lg:grid-cols-[1.15fr_1fr]">
        <div className="min-w-0">
          <Badge variant="secondary">Self-hosted billing for AI apps</Badge>
          <h1
            id="hero-title"
            className="mt-5 text-4xl font-bold tracking-tight text-balance sm:text-5xl lg:text-6xl"
          >
            Plans, credits and metering for the AI apps you sell
          </h1>
          <p className="mt-6 max-w-xl text-lg text-pretty text-muted-foreground">
            Tollgate is the billing layer for AI software companies. Your video generator, poster editor or
            chat app asks it one question on every request — may this customer use this model now, and what
            does it cost? — and gets an atomic answer backed by prepaid credits, daily quotas and real
            payments.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Button asChild size="lg">
              <Link href="/sign-up">
                Create an account
                <ArrowRight aria-hidden />
              </Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
          <ul className="mt-8 space-y-2 text-sm text-muted-foreground">
            {facts.map((fact) => (
              <li key={fact} className="flex items-start gap-2">
                <Check className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
                <span>{fact}</span>
              </li>
            ))}
          </ul>
        </div>
        <DecisionFeed />
      </div>
    </section>
  );
}
