import type { Usage } from "@/lib/catalog/pricing";
import { DAY, HOUR, WINDOW_DAYS } from "./people";
import type { Rng } from "./random";
import type { DemoModel } from "./types";

// When calls happen and what they are: a daily rhythm (busiest 13:00–22:00 UTC), quieter weekends,
// growth over the window, and each workspace's favourite apps.

const HOUR_WEIGHTS = [
  0.35, 0.3, 0.28, 0.28, 0.32, 0.4, 0.5, 0.62, 0.78, 0.9, 1, 1.1, 1.25, 1.6, 1.7, 1.75, 1.8, 1.8, 1.75, 1.7,
  1.65, 1.5, 1.3, 0.85,
];
const HOURS = HOUR_WEIGHTS.map((_, h) => h);

/** Call times in [from, until), sorted; `rateAt` is the workspace's calls per active day at a time. */
export function usageTimes(
  r: Rng,
  from: number,
  until: number,
  anchor: number,
  rateAt: (t: number) => number,
): number[] {
  const windowStart = anchor - WINDOW_DAYS * DAY;
  const times: number[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day < until; day += DAY) {
    const weekend = [0, 6].includes(new Date(day).getUTCDay());
    if (!r.chance(weekend ? 0.5 : 0.82)) continue;
    const growth = 0.8 + 0.4 * ((day - windowStart) / (WINDOW_DAYS * DAY));
    const count = r.poisson(rateAt(day + 12 * HOUR) * growth * (weekend ? 0.7 : 1) * r.logNormal(1, 0.35));
    for (let i = 0; i < count; i++) {
      const t = day + r.weighted(HOURS, (h) => HOUR_WEIGHTS[h]) * HOUR + Math.floor(r.next() * HOUR);
      if (t >= from && t < until) times.push(t);
    }
  }
  return times.sort((a, b) => a - b);
}

const UNIT_WEIGHT: Record<DemoModel["unit"], number> = { token: 3, image: 2, request: 2, second: 1.6 };

/** A model the workspace calls: its favourite apps four times as often; `freeBias` scales free models. */
export function pickModel(
  r: Rng,
  models: readonly DemoModel[],
  favoredApps: readonly string[],
  freeBias: number,
): DemoModel {
  return r.weighted(
    models,
    (m) => (favoredApps.includes(m.appKey) ? 4 : 1) * UNIT_WEIGHT[m.unit] * (m.free ? freeBias : 1),
  );
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** How much one call uses: seconds of video, images, requests or tokens. */
export function usageFor(r: Rng, m: DemoModel): Usage {
  switch (m.unit) {
    case "token":
      return {
        inputTokens: clamp(r.logNormal(900, 0.8), 20, 16_000),
        outputTokens: clamp(r.logNormal(350, 0.9), 5, 4_000),
      };
    case "second":
      return {
        quantity: m.free ? r.int(2, 6) : m.costPerUnitMicros >= 100_000n ? r.int(4, 8) : r.int(3, 10),
      };
    case "image":
      return { quantity: r.weighted([1, 2, 3, 4], (_, i) => [0.55, 0.2, 0.1, 0.15][i]) };
    default:
      return { quantity: 1 };
  }
}
