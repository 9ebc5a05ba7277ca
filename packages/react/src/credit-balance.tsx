import type { Me } from "@tollgate/sdk";
import { credits } from "./format.js";
import { useOptionalTollgate } from "./provider.js";

// The credit balance, and with showRunway how long it lasts at the last 7 days' rate (from /me).

export interface CreditBalanceProps {
  /** Default: the provider's /me. */
  me?: Pick<Me, "balance" | "runway"> | null;
  showRunway?: boolean;
  label?: string;
  className?: string;
}

export function CreditBalance({
  me: given,
  showRunway = false,
  label = "Credits",
  className,
}: CreditBalanceProps) {
  const session = useOptionalTollgate();
  const me = given === undefined ? session?.me : given;
  const root = ["tg", "tg-card", "tg-balance", className].filter(Boolean).join(" ");
  const days = me?.runway?.days;
  return (
    <div className={root} aria-busy={me ? undefined : "true"}>
      <p className="tg-label">{label}</p>
      <p className="tg-amount">{me ? credits(me.balance.credits) : "…"}</p>
      {showRunway && me && (
        <p className="tg-muted">
          {days === null || days === undefined
            ? "No recent paid usage"
            : `Lasts about ${days.toLocaleString("en-US")} ${days === 1 ? "day" : "days"} at your recent rate`}
        </p>
      )}
    </div>
  );
}
