import type { Metadata } from "next";
import Link from "next/link";
import { DocArticle } from "@/components/docs/doc-article";
import { Snippet } from "@/components/docs/snippet";
import { CodeBlock } from "@/components/marketing/code-block";
import { ErrorClasses } from "../error-classes";

export const metadata: Metadata = {
  title: "TypeScript SDK quickstart",
  description: "Meter a route, handle refusals and give the browser a session token with @tollgate/sdk.",
};

const INSTALL = `# In a clone of this Tollgate repository: build the SDK (ESM + .d.ts, no runtime dependencies)
npm run sdk:build

# In your app
npm install /path/to/tollgate/packages/sdk

# Your app's environment (server only)
TOLLGATE_URL=https://billing.example.com
TOLLGATE_API_KEY=tg_...            # a workspace API key
TOLLGATE_ADMIN_API_KEY=tga_...     # only to mint session tokens for the browser`;

export default function TypeScriptQuickstartPage() {
  return (
    <DocArticle
      eyebrow="SDK quickstart"
      title="TypeScript SDK"
      lead={
        <p>
          <code className="font-mono text-base text-foreground">@tollgate/sdk</code> wraps the v1 API for
          Node, Next.js, Bun, Deno and Workers: typed answers, a typed error per refusal, idempotency keys on
          every charge and retries that never charge twice. It uses the global <code>fetch</code> and has no
          dependencies.
        </p>
      }
      sections={[
        {
          id: "install",
          title: "Install",
          body: (
            <>
              <p>
                The SDK ships with this repository. Build it once, install it into your app from the path, and
                give your server the URL and a workspace API key (from{" "}
                <Link href="/dashboard/api-keys">API keys</Link> in the dashboard).
              </p>
              <CodeBlock code={INSTALL} filename="terminal" label="Install the TypeScript SDK" />
            </>
          ),
        },
        {
          id: "first-call",
          title: "Create a client and charge a call",
          body: (
            <>
              <p>
                <code>usage.create</code> checks the plan, the quota and the balance and charges in one step.
                It answers the charge and the balance left, or throws. Name the work with an idempotency key:
                a retry with the same key answers the first charge again and charges nothing.
              </p>
              <Snippet
                file="typescript/client.ts"
                filename="lib/posters.ts"
                label="Create a client and charge a call (TypeScript)"
              />
            </>
          ),
        },
        {
          id: "meter-a-route",
          title: "Meter a route with withTollgate",
          body: (
            <>
              <p>
                <code>withTollgate</code> wraps a Next.js route handler: the call is charged before the
                handler runs, and a refusal answers the request with Tollgate&apos;s own status and body, so
                your front end can show the right prompt. For Hono, Bun or Workers use <code>guard()</code>,
                for Express <code>tollgateExpress()</code>.
              </p>
              <Snippet
                file="typescript/route.ts"
                filename="app/api/posters/route.ts"
                label="Meter a Next.js route (TypeScript)"
              />
              <p>
                When the cost is known only afterwards (an LLM&apos;s tokens), hold an estimate instead: see{" "}
                <Link href="/docs/guides/metering-llm-calls">Metering an LLM call</Link>.
              </p>
            </>
          ),
        },
        {
          id: "errors",
          title: "Handle refusals with typed errors",
          body: (
            <>
              <p>
                Every refusal is a <code>TollgateError</code> with <code>code</code>, <code>status</code> and{" "}
                <code>requestId</code>, and a subclass per code that carries what the user can do about it.
                Nothing is charged when a call is refused.
              </p>
              <Snippet
                file="typescript/errors.ts"
                filename="lib/upscale.ts"
                label="Handle refusals (TypeScript)"
              />
              <ErrorClasses language="typescript" />
            </>
          ),
        },
        {
          id: "session-tokens",
          title: "Session tokens for the browser",
          body: (
            <>
              <p>
                Browser code must never hold a <code>tg_</code> or <code>tga_</code> key. Your backend mints a
                customer session token instead: read-only (<code>/me</code>, <code>/models</code>,{" "}
                <code>/entitlements</code>), for one workspace, for at most an hour. The browser&apos;s origin
                must be listed in Tollgate&apos;s <code>ALLOWED_ORIGINS</code> for the CORS answer.
              </p>
              <Snippet
                file="typescript/session-route.ts"
                filename="app/api/tollgate-session/route.ts"
                label="Mint a session token (TypeScript)"
              />
              <p>
                The <Link href="/docs/sdk/react">React components</Link> ask this route for a token and renew
                it before it expires.
              </p>
            </>
          ),
        },
        {
          id: "next",
          title: "Next steps",
          body: (
            <ul className="list-disc space-y-2 pl-5">
              <li>
                <Link href="/docs/guides/metering-llm-calls">Metering an LLM call</Link>: hold, call the
                model, commit the tokens; streaming; the OpenAI-compatible proxy.
              </li>
              <li>
                <Link href="/docs/api">API reference</Link>: every operation, with a console to try it with
                your key.
              </li>
            </ul>
          ),
        },
      ]}
    />
  );
}
