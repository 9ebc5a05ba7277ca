import type { Metadata } from "next";
import Link from "next/link";
import { DocArticle } from "@/components/docs/doc-article";
import { Snippet } from "@/components/docs/snippet";
import { CodeBlock } from "@/components/marketing/code-block";
import { ErrorClasses } from "../error-classes";

export const metadata: Metadata = {
  title: "Python SDK quickstart",
  description: "Meter functions, hold LLM calls and handle refusals with the tollgate Python package.",
};

const INSTALL = `# The package ships with this Tollgate repository: standard library only, Python 3.9+
pip install /path/to/tollgate/packages/sdk-python

# Your app's environment (server only)
export TOLLGATE_URL=https://billing.example.com
export TOLLGATE_API_KEY=tg_...            # a workspace API key
export TOLLGATE_ADMIN_API_KEY=tga_...     # only to mint session tokens for the browser`;

export default function PythonQuickstartPage() {
  return (
    <DocArticle
      eyebrow="SDK quickstart"
      title="Python SDK"
      lead={
        <p>
          The <code className="font-mono text-base text-foreground">tollgate</code> package is the same client
          as the TypeScript SDK for Python back ends: a synchronous client, a typed exception per refusal,
          idempotency keys on every charge, retries that never charge twice, and a decorator that meters a
          function in one line. It needs nothing beyond the standard library.
        </p>
      }
      sections={[
        {
          id: "install",
          title: "Install",
          body: (
            <>
              <p>
                Install it from the repository and give your server the URL and a workspace API key (from{" "}
                <Link href="/dashboard/api-keys">API keys</Link> in the dashboard).
              </p>
              <CodeBlock code={INSTALL} filename="terminal" label="Install the Python SDK" />
            </>
          ),
        },
        {
          id: "first-call",
          title: "Create a client and charge a call",
          body: (
            <>
              <p>
                Every method returns the API&apos;s JSON as a <code>dict</code> or raises.{" "}
                <code>usage.create</code> checks the plan, the quota and the balance and charges in one step;
                the idempotency key makes a retry of the same job free.
              </p>
              <Snippet
                file="python/quickstart.py"
                filename="quickstart.py"
                label="Create a client and charge a call (Python)"
              />
            </>
          ),
        },
        {
          id: "meter",
          title: "Meter a function",
          body: (
            <>
              <p>
                <code>@tg.meter(...)</code> charges before every call of the function;{" "}
                <code>with tg.meter(...)</code> does the same for a block. A refusal raises before your code
                runs.
              </p>
              <Snippet file="python/meter.py" filename="posters.py" label="Meter a function (Python)" />
            </>
          ),
        },
        {
          id: "errors",
          title: "Handle refusals with typed exceptions",
          body: (
            <>
              <p>
                Every refusal is a <code>TollgateError</code> with <code>code</code>, <code>status</code> and{" "}
                <code>request_id</code>, and a subclass per code that carries what the user can do about it.
              </p>
              <Snippet file="python/errors.py" filename="upscale.py" label="Handle refusals (Python)" />
              <ErrorClasses language="python" />
            </>
          ),
        },
        {
          id: "hold",
          title: "Unknown costs: hold, then commit",
          body: (
            <>
              <p>
                For an LLM call, hold the most it may cost, call the model, and commit the tokens it used; if
                the block raises, the hold is released and nothing is charged.{" "}
                <code>tg.meter.stream(...)</code> does the same for a stream. The{" "}
                <Link href="/docs/guides/metering-llm-calls">Metering an LLM call</Link> guide explains both.
              </p>
              <Snippet file="python/llm_hold.py" filename="summarize.py" label="Hold and commit (Python)" />
            </>
          ),
        },
        {
          id: "session-tokens",
          title: "Session tokens for the browser",
          body: (
            <>
              <p>
                With the admin key, your backend mints a read-only token for one workspace that browser code
                (the <Link href="/docs/sdk/react">React components</Link>) uses instead of a secret key.
              </p>
              <Snippet
                file="python/session.py"
                filename="tollgate_session.py"
                label="Mint a session token (Python)"
              />
            </>
          ),
        },
        {
          id: "tracker",
          title: "Track usage in the background",
          body: (
            <>
              <p>
                When the work is done and the charge may follow, <code>tg.tracker()</code> queues events and
                sends them in batches, each with its own idempotency key, so a resend is charged once.
                Refusals come back per event from <code>flush()</code>.
              </p>
              <Snippet
                file="python/tracker.py"
                filename="previews.py"
                label="Track usage in the background (Python)"
              />
            </>
          ),
        },
      ]}
    />
  );
}
