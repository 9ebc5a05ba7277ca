// Who gets which variant. Pure: the random number and the user agent come from the caller.

export type Weighted = { id: string; weight: number };

/** A weighted pick: `random` in [0, 1) lands in a variant's share of the total weight. */
export function pickVariant<V extends Weighted>(variants: readonly V[], random: number): V {
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  if (variants.length === 0 || total <= 0) throw new RangeError("An experiment needs a variant with weight.");
  let point = random * total;
  for (const v of variants) {
    point -= Math.max(0, v.weight);
    if (point < 0) return v;
  }
  return variants.findLast((v) => v.weight > 0)!;
}

// Crawlers, link previews, monitors and command-line clients: they see the control and are not
// counted. (Clients that drop cookies are not counted either: a visitor counts when the cookie comes back.)
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|preview|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python-requests|httpclient|go-http-client|node-fetch|axios\/|^$/i;

export const isBot = (userAgent: string | null | undefined) => BOT.test((userAgent ?? "").trim());
