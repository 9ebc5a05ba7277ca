// The statistical read of a price experiment. Pure: counts in, numbers and a sentence out.
//
// The paid conversion rate of each variant is compared with the control's by a two-proportion
// z-test (pooled standard error for the test, unpooled for the 95% confidence interval of the
// difference). No winner is named before both sides have MIN_VISITORS visitors and MIN_CONVERSIONS
// paid conversions: below that the normal approximation is poor and early swings mislead. Each
// variant is compared with the control at 95%; with several variants, read a lone "better" with care.

export const MIN_VISITORS = 100;
export const MIN_CONVERSIONS = 10;
const Z_95 = 1.959964;

export type Counts = { visitors: number; conversions: number };

export type Comparison = {
  /** Difference in paid conversion rate, variant minus control, in percentage points. */
  diffPoints: number;
  ciLowPoints: number;
  ciHighPoints: number;
  z: number;
  pValue: number;
  enoughData: boolean;
  verdict: "too_early" | "better" | "worse" | "no_difference";
  summary: string;
};

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export const rate = ({ visitors, conversions }: Counts) => (visitors > 0 ? conversions / visitors : 0);

const points = (n: number) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(1)}`;

function shortfall(key: string, c: Counts): string | null {
  const missing: string[] = [];
  if (c.visitors < MIN_VISITORS) missing.push(`${c.visitors} of ${MIN_VISITORS} visitors`);
  if (c.conversions < MIN_CONVERSIONS)
    missing.push(`${c.conversions} of ${MIN_CONVERSIONS} paid conversions`);
  return missing.length ? `${key} has ${missing.join(" and ")}` : null;
}

/** Variant `key` against the control (`controlKey`): the test, the interval and a plain sentence. */
export function compareToControl(
  control: Counts & { key: string },
  variant: Counts & { key: string },
): Comparison {
  const [p1, p2] = [rate(control), rate(variant)];
  const [n1, n2] = [control.visitors, variant.visitors];
  const diff = p2 - p1;
  const pooled = n1 + n2 > 0 ? (control.conversions + variant.conversions) / (n1 + n2) : 0;
  const sePooled = n1 > 0 && n2 > 0 ? Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)) : 0;
  const se = n1 > 0 && n2 > 0 ? Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) : 0;
  const z = sePooled > 0 ? diff / sePooled : 0;
  const pValue = sePooled > 0 ? 2 * (1 - normalCdf(Math.abs(z))) : 1;
  const [diffPoints, ciLowPoints, ciHighPoints] = [diff, diff - Z_95 * se, diff + Z_95 * se].map(
    (x) => x * 100,
  );
  const ci = `(95% CI ${points(ciLowPoints)} to ${points(ciHighPoints)})`;
  const short = [shortfall(control.key, control), shortfall(variant.key, variant)].filter(Boolean);
  const base = { diffPoints, ciLowPoints, ciHighPoints, z, pValue, enoughData: short.length === 0 };
  if (short.length > 0)
    return {
      ...base,
      verdict: "too_early",
      summary: `Too early to call: ${short.join("; ")} (at least ${MIN_VISITORS} visitors and ${MIN_CONVERSIONS} paid conversions each).`,
    };
  if (ciLowPoints > 0)
    return {
      ...base,
      verdict: "better",
      summary: `${variant.key} converts better: ${points(diffPoints)} points ${ci}.`,
    };
  if (ciHighPoints < 0)
    return {
      ...base,
      verdict: "worse",
      summary: `${variant.key} converts worse: ${points(diffPoints)} points ${ci}.`,
    };
  return {
    ...base,
    verdict: "no_difference",
    summary: `No clear difference: ${variant.key} is ${points(diffPoints)} points ${ci}; the interval includes zero.`,
  };
}
