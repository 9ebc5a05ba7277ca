import type { Quota } from "@tollgate/sdk";
import { useId } from "react";
import { until } from "./format.js";
import { useOptionalTollgate } from "./provider.js";
import { useNow } from "./use-now.js";

// The day's quota: used of limit, when it resets, and a warning when less than a fifth is left.

/** Below this share left, the meter warns. */
export const QUOTA_WARNING_SHARE = 0.2;

export interface QuotaMeterProps {
  /** Default: the provider's /me quota. */
  quota?: Quota | null;
  label?: string;
  className?: string;
}

export function QuotaMeter({ quota: given, label = "Daily quota", className }: QuotaMeterProps) {
  const session = useOptionalTollgate();
  const now = useNow();
  const id = useId();
  const quota = given === undefined ? session?.me?.quota : given;
  const root = ["tg", "tg-card", "tg-quota", className].filter(Boolean).join(" ");
  if (quota === undefined)
    return (
      <div className={root} aria-busy="true">
        <p className="tg-label">{label}</p>
        <p className="tg-muted">Loading…</p>
      </div>
    );
  if (quota === null)
    return (
      <div className={root}>
        <p className="tg-label">{label}</p>
        <p className="tg-muted">No daily quota: every call draws credits.</p>
      </div>
    );
  const left = Math.max(0, quota.limit - quota.used);
  const share = quota.limit > 0 ? Math.min(1, quota.used / quota.limit) : 1;
  const warning = quota.limit === 0 || left / quota.limit < QUOTA_WARNING_SHARE;
  const resets = `resets in ${until(quota.resetsAt, now)}`;
  return (
    <div className={root} data-state={left === 0 ? "exhausted" : warning ? "warning" : "ok"}>
      <div className="tg-row">
        <p className="tg-label" id={`${id}-label`}>
          {label}
        </p>
        <p className="tg-value">
          {quota.used.toLocaleString("en-US")} / {quota.limit.toLocaleString("en-US")} used
        </p>
      </div>
      <div
        className="tg-meter"
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={quota.limit}
        aria-valuenow={Math.min(quota.used, quota.limit)}
        aria-valuetext={`${quota.used} of ${quota.limit} used, ${left} left, ${resets}`}
      >
        <div className="tg-meter-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <p className="tg-muted">
        {left === 0
          ? "Used up"
          : warning
            ? `Only ${left.toLocaleString("en-US")} left`
            : `${left.toLocaleString("en-US")} left`}
        {" · "}
        {resets}
      </p>
    </div>
  );
}
