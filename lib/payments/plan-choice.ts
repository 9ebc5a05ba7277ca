// What a visitor picked on the pricing page (a plan and its interval, or a credit pack), carried
// through sign-up, email verification and sign-in to the in-app checkout. The pricing page is
// static, so its buttons all point at /start, which decides by session (lib/payments/start.ts).

export const PLAN_COOKIE = "tg_plan";

type Interval = "month" | "year";
export type Choice = { kind: "plan"; plan: string; interval: Interval } | { kind: "pack"; pack: string };

const CODE = /^[a-z0-9-]{1,40}$/;

/** The choice in a query (`plan` + `interval`, or `pack`); null when there is none or it is malformed. */
export function parseChoice(params: { plan?: unknown; interval?: unknown; pack?: unknown }): Choice | null {
  if (typeof params.plan === "string" && CODE.test(params.plan))
    return { kind: "plan", plan: params.plan, interval: params.interval === "year" ? "year" : "month" };
  if (typeof params.pack === "string" && CODE.test(params.pack)) return { kind: "pack", pack: params.pack };
  return null;
}

/** "plan=pro&interval=year" or "pack=pack-10k". */
export function choiceQuery(choice: Choice) {
  const query: Record<string, string> =
    choice.kind === "plan" ? { plan: choice.plan, interval: choice.interval } : { pack: choice.pack };
  return new URLSearchParams(query).toString();
}

/** Where pricing-page buttons point: the one route that decides by session. */
export const startPath = (choice: Choice) => `/start?${choiceQuery(choice)}`;

/** A visitor's way in: sign-up, carrying the choice (and a referral code). */
export function signUpPath(choice: Choice | null, ref?: string | null) {
  const query = new URLSearchParams(choice ? choiceQuery(choice) : "");
  if (ref && /^[\w-]{1,40}$/.test(ref)) query.set("ref", ref);
  const q = query.toString();
  return q ? `/sign-up?${q}` : "/sign-up";
}

/** The cookie that keeps the choice from sign-up until the email is verified. */
export const choiceCookieValue = (choice: Choice) =>
  choice.kind === "plan" ? `${choice.plan}:${choice.interval}` : `pack:${choice.pack}`;

export function parsePlanChoice(value: string | undefined): Choice | null {
  const [first, second] = (value ?? "").split(":");
  if (first === "pack") return parseChoice({ pack: second });
  return parseChoice({ plan: first, interval: second });
}

/** "Pro, billed annually" / "the Starter Pack credit pack", for the sign-up form. */
export function choiceLabel(choice: Choice, names: { plan?: string; pack?: string }) {
  if (choice.kind === "pack") return `${names.pack ?? choice.pack} credit pack`;
  return `${names.plan ?? choice.plan}, billed ${choice.interval === "year" ? "annually" : "monthly"}`;
}
