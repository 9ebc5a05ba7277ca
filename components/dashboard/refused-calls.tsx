// The overview's refused calls: today's count by code, the one action that fixes each, and 14 days.
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import type { RefusalCode } from "@/lib/metering/refusal-counts";
import { refusalPaths } from "@/lib/metering/refusal-links";
import type { RefusalReport } from "@/lib/metering/refusal-report";
import { formatCount } from "@/lib/utils/format";
import { RefusalsChart } from "./refusals-chart";

export const REFUSAL_LABEL: Record<RefusalCode, string> = {
  quota_exceeded: "quota",
  model_not_allowed: "model not allowed",
  insufficient_credits: "out of credits",
  spend_cap_reached: "API key spend cap",
  member_spend_cap_reached: "member spend cap",
};

const calls = (n: number) => `${formatCount(n)} ${n === 1 ? "call" : "calls"}`;

function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={buttonVariants({ variant: "outline", size: "sm" })}>
      {children}
    </Link>
  );
}

function Fix({ what, children }: { what: ReactNode; children?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm">
      <span className="min-w-0">{what}</span>
      {children ? <span className="flex flex-wrap gap-2">{children}</span> : null}
    </li>
  );
}

export function RefusedCalls({ report, overageEnabled }: { report: RefusalReport; overageEnabled: boolean }) {
  if (!report.anyRecent) return null;
  const count = (code: RefusalCode) => report.byCode.find((c) => c.code === code)?.count ?? 0;
  const summary =
    report.total === 0
      ? "No calls refused today."
      : `${calls(report.total)} refused today: ${report.byCode
          .map((c) => `${formatCount(c.count)} ${REFUSAL_LABEL[c.code]}`)
          .join(", ")}`;
  return (
    <section aria-labelledby="refused-calls-title">
      <TitledCard
        title={<span id="refused-calls-title">Refused calls</span>}
        description="Calls your apps made that the API refused (402, 403, 429), and what fixes each."
        contentClassName="grid min-w-0 gap-4"
        className="min-w-0"
      >
        <p className="font-medium" data-testid="refusals-today">
          {summary}
        </p>
        {report.total > 0 ? (
          <ul className="divide-y rounded-md border" aria-label="How to fix today's refusals">
            {count("quota_exceeded") ? (
              <Fix what={`${calls(count("quota_exceeded"))} went past today's quota.`}>
                <Action href={refusalPaths.upgrade()}>Upgrade for a larger quota</Action>
                {overageEnabled ? null : <Action href={refusalPaths.overage}>Turn on overage</Action>}
              </Fix>
            ) : null}
            {report.unlocks.map((u) => (
              <Fix
                key={u.tier?.code ?? "none"}
                what={
                  <>
                    {calls(u.count)} to{" "}
                    <span className="font-mono text-xs break-all">{u.models.join(", ")}</span>, which your
                    plan does not include.{u.tier ? null : " No plan on sale includes it."}
                  </>
                }
              >
                {u.tier ? (
                  <Action href={refusalPaths.upgrade(u.tier.code)}>Upgrade to {u.tier.name}</Action>
                ) : null}
              </Fix>
            ))}
            {count("insufficient_credits") ? (
              <Fix what={`${calls(count("insufficient_credits"))} cost more than the balance had left.`}>
                <Action href={refusalPaths.buyCredits}>Buy credits</Action>
              </Fix>
            ) : null}
            {count("spend_cap_reached") ? (
              <Fix what={`${calls(count("spend_cap_reached"))} hit an API key's monthly spend cap.`}>
                <Action href={refusalPaths.keyCaps}>Raise the key&apos;s cap</Action>
              </Fix>
            ) : null}
            {count("member_spend_cap_reached") ? (
              <Fix what={`${calls(count("member_spend_cap_reached"))} hit a member's monthly spend cap.`}>
                <Action href={refusalPaths.memberCaps}>Raise the member&apos;s cap</Action>
              </Fix>
            ) : null}
          </ul>
        ) : null}
        <RefusalsChart days={report.days} labels={REFUSAL_LABEL} />
      </TitledCard>
    </section>
  );
}
