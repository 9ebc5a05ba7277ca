import type { Metadata } from "next";
import Link from "next/link";
import { DocArticle } from "@/components/docs/doc-article";
import { Snippet } from "@/components/docs/snippet";
import { CodeBlock } from "@/components/marketing/code-block";

export const metadata: Metadata = {
  title: "React components quickstart",
  description:
    "Show quota, balance, models and upgrade prompts in your app with @tollgate/react and a customer session token.",
};

const INSTALL = `# In a clone of this Tollgate repository, then in your app
npm install /path/to/tollgate/packages/react /path/to/tollgate/packages/sdk

# Tollgate's environment: the origins your app's pages are served from (CORS)
ALLOWED_ORIGINS=https://app.example.com,http://localhost:5173

# Your app's environment
NEXT_PUBLIC_TOLLGATE_URL=https://billing.example.com   # the browser reads this
TOLLGATE_ADMIN_API_KEY=tga_...                         # server only: mints session tokens`;

const COMPONENTS = [
  ["<QuotaMeter />", "Today's quota: used of the limit, the time to the reset, a warning under 20% left."],
  [
    "<CreditBalance showRunway />",
    "The balance in credits and, with showRunway, how many days it lasts at the last week's rate.",
  ],
  [
    "<ModelPicker value onChange />",
    "The models: tier badges, locked ones with the tier that unlocks them, beta badges, the price.",
  ],
  [
    "<UpgradePrompt error onClose />",
    "A refusal as the right message and action: buy credits (402), upgrade (403), wait or upgrade (429).",
  ],
  [
    "<PricingTable />",
    "The plans on sale from the public catalog, with prices, included credits and quotas.",
  ],
] as const;

export default function ReactQuickstartPage() {
  return (
    <DocArticle
      eyebrow="SDK quickstart"
      title="React components"
      lead={
        <p>
          <code className="font-mono text-base text-foreground">@tollgate/react</code> puts the widgets every
          metered app rebuilds into yours: a quota meter, the balance with its runway, a model picker with
          locks, the upgrade prompt for 402, 403 and 429, and a pricing table. They are accessible, follow
          dark mode, take your colours from CSS variables, and read with a short-lived session token, never a
          secret key.
        </p>
      }
      sections={[
        {
          id: "install",
          title: "Install and allow your origin",
          body: (
            <>
              <p>
                Install the components (and the TypeScript SDK for your backend), and add your app&apos;s
                origin to Tollgate&apos;s <code>ALLOWED_ORIGINS</code>: the read-only routes the components
                call answer CORS for those origins only.
              </p>
              <CodeBlock code={INSTALL} filename="terminal" label="Install the React components" />
            </>
          ),
        },
        {
          id: "session-route",
          title: "Mint a session token on your backend",
          body: (
            <>
              <p>
                The browser asks your backend, which knows who is signed in, for a token for that user&apos;s
                workspace. The token can read <code>/me</code>, <code>/models</code> and{" "}
                <code>/entitlements</code> and nothing else, and expires (here after 15 minutes).
              </p>
              <Snippet
                file="typescript/session-route.ts"
                filename="app/api/tollgate-session/route.ts"
                label="Mint a session token for the components"
              />
            </>
          ),
        },
        {
          id: "provider",
          title: "Wrap your app in TollgateProvider",
          body: (
            <>
              <p>
                <code>getToken</code> returns <code>{"{ token, expiresAt }"}</code>; the provider calls it
                again before the token expires. Import the stylesheet once.
              </p>
              <Snippet
                file="react/provider.tsx"
                filename="app/providers.tsx"
                label="TollgateProvider (React)"
              />
            </>
          ),
        },
        {
          id: "components",
          title: "Show quota, balance and models",
          body: (
            <>
              <Snippet
                file="react/usage-panel.tsx"
                filename="app/usage-panel.tsx"
                label="Usage panel (React)"
              />
              <ul aria-label="Components" className="divide-y rounded-lg border text-sm">
                {COMPONENTS.map(([name, what]) => (
                  <li key={name} className="space-y-1 px-4 py-3">
                    <p>
                      <code className="font-semibold break-all">{name}</code>
                    </p>
                    <p>{what}</p>
                  </li>
                ))}
              </ul>
            </>
          ),
        },
        {
          id: "upgrade-prompt",
          title: "Turn refusals into upgrades",
          body: (
            <>
              <p>
                A route metered with <code>withTollgate</code> (see the{" "}
                <Link href="/docs/sdk/typescript#meter-a-route">TypeScript quickstart</Link>) answers a
                refusal with Tollgate&apos;s own body: the code and the link that fixes it. Hand that body to{" "}
                <code>UpgradePrompt</code>.
              </p>
              <Snippet
                file="react/generate-button.tsx"
                filename="app/generate-button.tsx"
                label="UpgradePrompt after a refused call (React)"
              />
            </>
          ),
        },
        {
          id: "pricing",
          title: "A pricing table",
          body: (
            <Snippet file="react/pricing.tsx" filename="app/pricing/page.tsx" label="PricingTable (React)" />
          ),
        },
        {
          id: "theme",
          title: "Match your brand",
          body: (
            <>
              <p>
                Four CSS variables set the accent, background, text colour and corner radius; set them for
                dark mode too.
              </p>
              <Snippet file="react/theme.css" filename="app/globals.css" label="Theme variables (CSS)" />
            </>
          ),
        },
      ]}
    />
  );
}
