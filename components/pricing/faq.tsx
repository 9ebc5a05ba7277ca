import type { ReactNode } from "react";
import { formatBps } from "@/lib/catalog/money";
import type { PublicCatalog } from "@/lib/catalog/public";
import { formatCount } from "@/lib/utils/format";
import { annualSavingLabel } from "./billing";

// Answers quote the live catalog (markups, quotas, free models), so they stay true when admins edit it.
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

export function Faq({
  tiers,
  apps,
  defaultMarkupBps,
  rolloverPercent,
}: Pick<PublicCatalog, "tiers" | "apps" | "defaultMarkupBps" | "rolloverPercent">) {
  const freeModels = apps.flatMap((a) => a.models.filter((m) => m.free).map((m) => m.name));
  const saving = annualSavingLabel(tiers);
  const base = tiers.find((t) => t.monthlyPriceCents === 0 && t.annualPriceCents === 0);
  const items: { q: string; a: ReactNode }[] = [
    {
      q: "What is a credit?",
      a: "Credits are what calls to paid models cost. 1 credit = $0.001, so $1 buys 1,000 credits. Balances are kept exactly, to a thousandth of a credit, and every charge is listed in your workspace's ledger.",
    },
    {
      q: "When does the daily quota reset?",
      a: `Every day at 00:00 UTC. Each plan has a daily quota of units (${list(tiers.map((t) => `${t.name} ${formatCount(t.dailyQuotaUnits)}`))}). A call uses units by model: its quantity (or tokens per 1,000) times the model's weight.`,
    },
    {
      q: "What happens when my daily quota runs out?",
      a: "Calls carry on and are charged to your credits at your plan's markup: your included credits first, then credits you bought. The workspace owner can choose a hard stop in Settings instead; then further calls are refused with HTTP 429 (quota exceeded), saying how many units the call needed and how many are left, until the next reset at 00:00 UTC.",
    },
    {
      q: "How does annual billing work?",
      a: `You pay for twelve months up front${saving ? ` and ${saving === "2 months free" ? "get 2 months free" : saving}` : ""}. Everything else is the same as monthly billing: included credits are granted every month, and the daily quota, rate limit and features do not change.`,
    },
    {
      q: "How are model prices set?",
      a: `From what the model's provider charges plus a markup: price = provider cost × (1 + markup), rounded up to the next 0.001 credit. The markup depends on your plan (${list(tiers.map((t) => `${t.name} ${formatBps(t.markupBps ?? defaultMarkupBps)}`))}); pay as you go uses ${formatBps(base?.markupBps ?? defaultMarkupBps)}, and a few models set their own. Every charge records the price and markup it used.`,
    },
    {
      q: "Are any models free?",
      a: freeModels.length
        ? `Yes: ${list(freeModels)}. Free models charge 0 credits and use none of your daily quota.`
        : "Models marked Free charge 0 credits and use none of your daily quota. None is marked Free right now.",
    },
    {
      q: "Can I use my own provider key?",
      a: "Yes, bring your own key (BYOK): add your provider API key to your workspace and calls made with it are paid to the provider on your own account. There is no markup and Tollgate charges nothing for those calls.",
    },
    {
      q: "Can I get a refund?",
      a: "Within 24 hours of a payment you get a full refund. After that, refunds are prorated: for a plan, the unused part of the billing period; for a credit pack, the credits you have not spent.",
    },
    {
      q: "Do credits expire?",
      a: `Credits you buy never expire. Included credits arrive on the 1st of every month (UTC), on monthly and annual plans alike, and last until the month ends${rolloverPercent > 0 ? `: ${rolloverPercent}% of what is left of them carries into the next month, and the rest lapse` : ""}.`,
    },
  ];
  return (
    <div className="divide-y rounded-lg border bg-card">
      {items.map((item) => (
        <details key={item.q} className="group px-4 sm:px-6">
          <summary className="-mx-2 cursor-pointer rounded-md px-2 py-4 font-medium focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {item.q}
          </summary>
          <p className="pb-4 text-muted-foreground">{item.a}</p>
        </details>
      ))}
    </div>
  );
}
