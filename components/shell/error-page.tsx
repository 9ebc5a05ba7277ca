"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

/** What an error boundary (error.tsx, global-error.tsx) receives from Next. */
export type ErrorBoundaryProps = { error: unknown; retry: () => void };

// The page a person sees when rendering fails. It never shows the error's message: a client-side
// error keeps its original text, which may quote data. A server error carries only Next's digest,
// which is also printed with the error in the server log, so the reference is what support matches.
export function ErrorPage({
  error,
  retry,
  home,
}: ErrorBoundaryProps & { home: { href: string; label: string } }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted-foreground">
        This page could not be shown. Trying again often works; if it keeps happening, contact support
        {digest ? " and quote the reference below" : null}.
      </p>
      {digest ? (
        <p className="text-sm">
          Reference: <code className="rounded bg-muted px-1.5 py-0.5 font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={retry}>Try again</Button>
        <Button variant="outline" asChild>
          <Link href={home.href}>{home.label}</Link>
        </Button>
      </div>
    </div>
  );
}
