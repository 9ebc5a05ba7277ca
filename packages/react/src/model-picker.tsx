import type { Model } from "@tollgate/sdk";
import { useId } from "react";
import { modelPrice, tierName } from "./format.js";
import { useOptionalTollgate } from "./provider.js";

// The models the user may pick, as their plan sees them (/models through the session token):
// allowed ones selectable, locked ones disabled with the tier that unlocks them and a link to
// upgrade, beta and free badges, and what one call costs.

export interface ModelPickerProps {
  value: string | null;
  onChange: (modelId: string) => void;
  /** Only chat models (the proxy) or only metered ones. */
  type?: Model["type"];
  /** Only one app's models (the part before the colon, e.g. "poster-editor"). */
  app?: string;
  /** Default: the provider's /models. */
  models?: Model[] | null;
  label?: string;
  /** Where to upgrade to a tier; default the provider's upgradeUrl. */
  upgradeUrl?: (tier: string) => string;
  className?: string;
}

export function ModelPicker({
  value,
  onChange,
  type,
  app,
  models: given,
  label = "Model",
  upgradeUrl,
  className,
}: ModelPickerProps) {
  const session = useOptionalTollgate();
  const name = useId();
  const all = given === undefined ? session?.models : given;
  const models = (all ?? []).filter((m) => (!type || m.type === type) && (!app || m.owned_by === app));
  const upgrade = upgradeUrl ?? session?.upgradeUrl;
  const root = ["tg", "tg-picker", className].filter(Boolean).join(" ");
  return (
    <fieldset className={root} aria-busy={all ? undefined : "true"}>
      <legend className="tg-label">{label}</legend>
      {!all && <p className="tg-muted">Loading models…</p>}
      {all && models.length === 0 && <p className="tg-muted">No models available.</p>}
      <ul className="tg-options">
        {models.map((m) => {
          const id = `${name}-${m.id}`;
          const locked = !m.allowed;
          return (
            <li key={m.id} className="tg-option" data-locked={locked || undefined}>
              <input
                type="radio"
                id={id}
                name={name}
                value={m.id}
                checked={value === m.id}
                disabled={locked}
                onChange={() => onChange(m.id)}
                aria-describedby={locked && m.requiredTier ? `${id}-about ${id}-lock` : `${id}-about`}
              />
              <label htmlFor={id} className="tg-option-label">
                <span className="tg-option-name">{m.name}</span>
                {m.requiredTier && <span className="tg-badge">{tierName(m.requiredTier)} plan</span>}
                {m.beta && <span className="tg-badge tg-badge-beta">Beta</span>}
              </label>
              <p className="tg-muted tg-option-about" id={`${id}-about`}>
                {modelPrice(m)}
              </p>
              {locked && m.requiredTier && (
                <p className="tg-lock" id={`${id}-lock`}>
                  Upgrade to {tierName(m.requiredTier)} to unlock
                  {upgrade && (
                    <>
                      {" · "}
                      <a className="tg-link" href={upgrade(m.requiredTier)}>
                        Upgrade
                        <span className="tg-sr-only">
                          {" "}
                          to {tierName(m.requiredTier)} for {m.name}
                        </span>
                      </a>
                    </>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
