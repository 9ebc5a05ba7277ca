import type { Model } from "@tollgate/sdk";

// Plain formatting shared by the components: credits, prices, durations and tier names.

const number = (n: number, digits = 3) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

/** A decimal-string or number of credits as "1,234.5 credits". */
export const credits = (amount: string | number) => `${number(Number(amount))} credits`;

/** Integer millicredits (or a decimal string of them) as credits. */
export const millicredits = (amount: string | number) => credits(Number(amount) / 1000);

/** Cents as "$19" or "$19.50" (the catalog's prices are whole cents). */
export function price(cents: number, currency = "usd") {
  return (cents / 100).toLocaleString("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  });
}

/** "2 h 5 min", "12 min", "40 s" until `at`, from `now`. */
export function duration(ms: number) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
}

export const until = (at: string | Date, now = Date.now()) => duration(new Date(at).getTime() - now);

/** A tier code as a name ("pro" -> "Pro"), when only the code is known. */
export const tierName = (code: string) =>
  code
    .split(/[-_\s]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

/** What one call of a model costs: "12 credits / image" or "0.165 / 0.66 credits per 1k tokens (in / out)". */
export function modelPrice(model: Pick<Model, "price" | "unit" | "free">) {
  if (model.free) return "Free";
  if ("perUnit" in model.price) return `${credits(model.price.perUnit.credits)} / ${model.unit}`;
  const { per1kInputTokens: input, per1kOutputTokens: output } = model.price;
  return `${number(Number(input.credits))} / ${number(Number(output.credits))} credits per 1k tokens (in / out)`;
}
