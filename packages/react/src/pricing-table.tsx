import { Tollgate, type PublicCatalog } from "@tollgate/sdk";
import { useEffect, useId, useState } from "react";
import { millicredits, price } from "./format.js";
import { useOptionalTollgate } from "./provider.js";

// The plans from the public catalog (GET /api/v1/pricing, the same one Tollgate's /pricing page
// shows): price, included credits, daily quota, models and features, the current plan marked.

export interface PricingTableProps {
  /** Default: the provider's baseUrl. */
  baseUrl?: string;
  /** A catalog already fetched (e.g. on your server); otherwise it is fetched here. */
  catalog?: PublicCatalog;
  interval?: "month" | "year";
  /** The tier to mark as current; default the provider's /me tier. */
  currentTier?: string;
  /** Where a tier's button goes; default the provider's upgradeUrl. */
  href?: (tierCode: string) => string;
  className?: string;
}

/** "3 seats", "1 seat": units are stored plural. */
const limit = (value: number, unit: string | null) =>
  `${value.toLocaleString("en-US")}${unit ? ` ${value === 1 ? unit.replace(/s$/, "") : unit}` : ""}`;

export function PricingTable({
  baseUrl,
  catalog: given,
  interval = "month",
  currentTier,
  href,
  className,
}: PricingTableProps) {
  const session = useOptionalTollgate();
  const id = useId();
  const url = baseUrl ?? session?.baseUrl;
  const [fetched, setFetched] = useState<PublicCatalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given || !url) return;
    // The catalog is public: no token is sent, so any page may show it.
    new Tollgate({ apiKey: "public", baseUrl: url, maxRetries: 1 })
      .pricing()
      .then(setFetched, (e: Error) => setError(e.message));
  }, [given, url]);
  const catalog = given ?? fetched;
  const current = currentTier ?? session?.me?.tier.code;
  const link = href ?? session?.upgradeUrl;
  const root = ["tg", "tg-pricing", className].filter(Boolean).join(" ");
  if (!catalog)
    return (
      <div className={root} aria-busy={error ? undefined : "true"}>
        <p className="tg-muted">{error ? `Prices could not be loaded: ${error}` : "Loading prices…"}</p>
      </div>
    );
  const featureNames = new Map(catalog.features.map((f) => [f.key, f]));
  return (
    <ul className={root} aria-label="Plans">
      {catalog.tiers.map((tier) => {
        const cents = interval === "year" ? tier.annualPriceCents : tier.monthlyPriceCents;
        const isCurrent = tier.code === current;
        const titleId = `${id}-${tier.code}`;
        return (
          <li
            key={tier.code}
            className="tg-card tg-plan"
            data-popular={tier.mostPopular || undefined}
            data-current={isCurrent || undefined}
            aria-labelledby={titleId}
          >
            <div className="tg-row">
              <h3 className="tg-plan-name" id={titleId}>
                {tier.name}
              </h3>
              {isCurrent ? (
                <span className="tg-badge">Current plan</span>
              ) : (
                tier.mostPopular && <span className="tg-badge tg-badge-accent">Most popular</span>
              )}
            </div>
            <p className="tg-amount">
              {price(cents, tier.currency)}
              <span className="tg-muted"> / {interval}</span>
            </p>
            <p className="tg-muted">{tier.description}</p>
            <ul className="tg-plan-facts">
              <li>{millicredits(tier.includedMillicredits)} included every month</li>
              <li>{tier.dailyQuotaUnits.toLocaleString("en-US")} quota units a day</li>
              <li>
                {tier.modelKeys.length} {tier.modelKeys.length === 1 ? "model" : "models"}
              </li>
              {Object.entries(tier.features).map(([key, { limitValue }]) => {
                const feature = featureNames.get(key);
                if (!feature) return null;
                return (
                  <li key={key}>
                    {feature.name}
                    {feature.kind === "limit" &&
                      `: ${limitValue === null ? "unlimited" : limit(limitValue, feature.unit)}`}
                  </li>
                );
              })}
            </ul>
            {!isCurrent && link && (
              <a className="tg-button" href={link(tier.code)}>
                Choose {tier.name}
                <span className="tg-sr-only"> plan</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
