// GET /start?plan=&interval= | ?pack= — where pricing-page buttons lead: the in-app checkout with the
// choice preselected for a signed-in member, sign-up carrying the choice for a visitor
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getCurrentUser, getDashboardContext } from "@/lib/auth/session";
import { EXPERIMENT_COOKIE } from "@/lib/experiments/cookie";
import { parseChoice, signUpPath } from "@/lib/payments/plan-choice";
import { startDestination } from "@/lib/payments/start";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const choice = parseChoice(query);
  if (!(await getCurrentUser())) redirect(signUpPath(choice, query.ref));
  const experimentCookie = req.cookies.get(EXPERIMENT_COOKIE)?.value;
  redirect(await startDestination(await getDashboardContext(), choice, experimentCookie));
}
