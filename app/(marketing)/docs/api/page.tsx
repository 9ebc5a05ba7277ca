import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { MethodBadge, OperationSection } from "@/components/docs/operation-section";
import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import type { OperationObject } from "@/lib/openapi/types";
import { GettingStarted } from "./getting-started";

export const metadata: Metadata = {
  title: "API reference",
  description:
    "The Tollgate v1 API: metering, reservations, account reads and the management API, with examples in curl, JavaScript and Python.",
};

// Rendered per request from the same document /api/openapi.json serves, so the samples carry the
// URL this instance actually runs at (APP_URL), not the one it was built with.
export const dynamic = "force-dynamic";

type Entry = { path: string; method: string; op: OperationObject };

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument(env.APP_URL);
  const entries: Entry[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const groups = doc.tags.map((tag) => ({
    ...tag,
    entries: entries.filter((e) => e.op.tags.includes(tag.name)),
  }));

  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold text-primary">Developers</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight text-balance sm:text-5xl">API reference</h1>
        <p className="mt-4 text-lg text-pretty text-muted-foreground">{doc.info.description}</p>
        <p className="mt-3 text-pretty text-muted-foreground">
          Every operation has a <strong className="text-foreground">Try it</strong> console: paste a key, edit
          the example, and send a real request to this site&apos;s API. Prefer a client library? See the{" "}
          <Link href="/docs/sdk/typescript" className="font-medium text-primary underline underline-offset-4">
            TypeScript
          </Link>
          ,{" "}
          <Link href="/docs/sdk/python" className="font-medium text-primary underline underline-offset-4">
            Python
          </Link>{" "}
          and{" "}
          <Link href="/docs/sdk/react" className="font-medium text-primary underline underline-offset-4">
            React
          </Link>{" "}
          quickstarts.
        </p>
        <p className="mt-6 flex flex-wrap gap-3">
          <a
            href="/api/openapi.json"
            download="openapi.json"
            className="inline-flex h-9 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary/90 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:outline-none"
          >
            Download openapi.json
          </a>
          <span className="self-center text-sm text-muted-foreground">
            OpenAPI {doc.openapi} · server <code className="font-mono">{doc.servers[0].url}</code>
          </span>
        </p>
      </header>

      <div className="mt-12 grid min-w-0 grid-cols-1 gap-10 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <nav
          aria-label="API reference contents"
          className="min-w-0 text-sm lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:self-start lg:overflow-y-auto"
        >
          <ul className="space-y-4">
            <li>
              <a href="#getting-started" className="font-semibold hover:underline">
                Getting started
              </a>
            </li>
            {groups.map((group) => (
              <li key={group.name}>
                <a href={`#${group.name.toLowerCase()}`} className="font-semibold hover:underline">
                  {group.name}
                </a>
                <ul className="mt-2 space-y-1.5 border-l pl-3">
                  {group.entries.map(({ op }) => (
                    <li key={op.operationId}>
                      <a
                        href={`#${op.operationId}`}
                        className="text-muted-foreground hover:text-foreground hover:underline"
                      >
                        {op.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>

        <div className="min-w-0">
          <GettingStarted doc={doc} />
          {groups.map((group) => (
            <section
              key={group.name}
              id={group.name.toLowerCase()}
              aria-labelledby={`${group.name.toLowerCase()}-title`}
              className="mt-16 scroll-mt-20"
            >
              <h2 id={`${group.name.toLowerCase()}-title`} className="text-2xl font-bold tracking-tight">
                {group.name}
              </h2>
              <p className="mt-2 max-w-3xl text-muted-foreground">{group.description}</p>
              <ul className="mt-4 space-y-1 text-sm">
                {group.entries.map(({ path, method, op }) => (
                  <li key={op.operationId} className="flex min-w-0 flex-wrap items-center gap-2">
                    <MethodBadge method={method.toUpperCase()} />
                    <a href={`#${op.operationId}`} className="font-mono break-all hover:underline">
                      {path}
                    </a>
                  </li>
                ))}
              </ul>
              {/* One Suspense boundary per operation: React hydrates them one task each. */}
              {group.entries.map(({ path, method, op }) => (
                <Suspense key={op.operationId}>
                  <OperationSection doc={doc} path={path} method={method} op={op} />
                </Suspense>
              ))}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
