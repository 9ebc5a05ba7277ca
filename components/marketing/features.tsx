import {
  ChartColumn,
  Check,
  Coins,
  CreditCard,
  Database,
  Gauge,
  Layers,
  type LucideIcon,
} from "lucide-react";
import { Card } from "@/components/ui/card";

type Feature = { icon: LucideIcon; title: string; body: string; points: string[] };

const features: Feature[] = [
  {
    icon: Gauge,
    title: "Metering API with atomic decisions",
    body: "One call checks the API key, tier, model access, rate limit, daily quota and balance, then charges and records the usage in the same transaction.",
    points: [
      "Idempotency keys make retries safe",
      "Reservations for streamed LLM calls",
      "Batches of up to 100 events per call",
    ],
  },
  {
    icon: Layers,
    title: "Plans and entitlements",
    body: "Tiers with monthly or annual prices, included credits, daily quotas and per-minute rate limits. Gate any feature or model by tier.",
    points: [
      "Tier-feature matrix with on/off or numeric limits",
      "Tier-model access with a required tier",
      "Upgrades prorated, downgrades at period end",
    ],
  },
  {
    icon: Coins,
    title: "Prepaid credits and credit packs",
    body: "1 credit = $0.001, kept as integer millicredits in an append-only ledger. The balance always equals its entries and never drops below zero.",
    points: [
      "Credit packs, coupons and referral bonuses",
      "Monthly grants with rollover",
      "Per-model markups, none on your customers' own keys",
    ],
  },
  {
    icon: CreditCard,
    title: "Stripe or fully offline local payments",
    body: "Add a Stripe key for Checkout, the Customer Portal, promotion codes and refunds. Without one, a built-in test checkout sends Stripe-shaped events through the same webhook handler.",
    points: [
      "Signed webhook events, applied exactly once",
      "Late events never overwrite newer state",
      "The whole product works with no network",
    ],
  },
  {
    icon: ChartColumn,
    title: "Admin console with analytics and audit log",
    body: "MRR, ARR, churn, credits sold versus consumed, gross margin and usage by model, next to the tools to run tiers, prices, users and workspaces.",
    points: [
      "Grant or deduct credits with a reason",
      "Every admin action and money movement audited",
      "CSV and JSON exports",
    ],
  },
  {
    icon: Database,
    title: "Self-hosted on PostgreSQL",
    body: "Customers, money and usage stay in your own database. Start on one machine with an embedded PostgreSQL, then run stateless instances against your own cluster.",
    points: [
      "Postgres-backed jobs for alerts and renewals",
      "Email through Resend, with an outbox that loses nothing",
      "Demo data seeded on first run",
    ],
  },
];

export function Features() {
  return (
    <section id="features" aria-labelledby="features-title" className="scroll-mt-20">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <div className="max-w-2xl">
          <p className="text-sm font-semibold text-primary">Features</p>
          <h2 id="features-title" className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">
            Everything between the request and the receipt
          </h2>
          <p className="mt-4 text-lg text-muted-foreground">
            The pieces an AI product needs to charge fairly and safely, in one app you run yourself.
          </p>
        </div>
        <ul className="mt-12 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {features.map((feature) => (
            <li key={feature.title} className="min-w-0">
              <Card className="flex h-full flex-col p-6">
                <span className="flex size-10 items-center justify-center rounded-md bg-secondary text-secondary-foreground">
                  <feature.icon className="size-5" aria-hidden />
                </span>
                <h3 className="mt-4 text-lg leading-tight font-semibold">{feature.title}</h3>
                <p className="mt-2 text-sm text-muted-foreground">{feature.body}</p>
                <ul className="mt-4 space-y-2 text-sm">
                  {feature.points.map((point) => (
                    <li key={point} className="flex items-start gap-2">
                      <Check className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
                      <span>{point}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
