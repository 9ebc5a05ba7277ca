import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

/** One checkbox per event type, named "event:<type>" (see actions.ts). */
export function EventCheckboxes({
  idPrefix,
  checked,
  errors,
}: {
  idPrefix: string;
  checked: (type: string) => boolean;
  errors?: string[];
}) {
  const errorId = `${idPrefix}-events-error`;
  return (
    <fieldset className="grid gap-2" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">Events to send</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} htmlFor={`${idPrefix}-${type}`} className="flex items-start gap-2 text-sm">
            <input
              id={`${idPrefix}-${type}`}
              type="checkbox"
              name={`event:${type}`}
              defaultChecked={checked(type)}
              className="mt-0.5 size-4 accent-primary"
            />
            <span>
              <code className="font-mono text-xs">{type}</code>
              <span className="block text-xs text-muted-foreground">{WEBHOOK_EVENT_DESCRIPTIONS[type]}</span>
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-destructive">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
