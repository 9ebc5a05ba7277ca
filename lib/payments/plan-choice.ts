// The plan a visitor picked on the pricing page, carried through sign-up and verification.
export const PLAN_COOKIE = "tg_plan";

export function parsePlanChoice(value: string | undefined) {
  const [plan, interval] = (value ?? "").split(":");
  if (!plan || !/^[a-z0-9-]{1,40}$/.test(plan)) return null;
  return { plan, interval: interval === "year" ? ("year" as const) : ("month" as const) };
}
