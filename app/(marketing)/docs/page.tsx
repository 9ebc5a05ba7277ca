import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Developer docs",
  description: "The Tollgate API reference, SDK quickstarts for TypeScript, Python and React, and guides.",
};

const CARDS = [
  {
    href: "/docs/api",
    title: "API reference",
    text: "Every v1 and management operation, with samples and a console that sends real requests with your key.",
  },
  {
    href: "/docs/sdk/typescript",
    title: "TypeScript SDK",
    text: "Meter a Next.js route in one line, typed refusals, safe retries, session tokens.",
  },
  {
    href: "/docs/sdk/python",
    title: "Python SDK",
    text: "The same client for Python back ends: a decorator, holds, streams, background tracking.",
  },
  {
    href: "/docs/sdk/react",
    title: "React components",
    text: "Quota meter, balance with runway, model picker, upgrade prompt and pricing table.",
  },
  {
    href: "/docs/guides/metering-llm-calls",
    title: "Metering an LLM call",
    text: "Hold, call the model, commit the real tokens; streaming, the OpenAI proxy, idempotency.",
  },
] as const;

export default function DocsHomePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold text-primary">Developers</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight text-balance sm:text-5xl">Developer docs</h1>
        <p className="mt-4 text-lg text-pretty text-muted-foreground">
          Your app asks before every paid call: may this customer use this model now, and what does it cost?
          Start with an SDK quickstart, or read the API reference.
        </p>
      </header>
      <ul className="mt-12 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {CARDS.map((card) => (
          <li key={card.href}>
            <Link
              href={card.href}
              className="block h-full rounded-xl border bg-card p-6 transition-colors hover:border-primary/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <h2 className="text-lg font-semibold tracking-tight">{card.title}</h2>
              <p className="mt-2 text-sm text-muted-foreground">{card.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
