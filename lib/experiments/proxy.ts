import "server-only";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isBot, pickVariant } from "./assign";
import {
  EXPERIMENT_COOKIE,
  experimentCookieOptions,
  newVisitorId,
  readExperimentCookie,
  signExperimentCookie,
  type ExperimentCookie,
} from "./cookie";
import { userInExperiment } from "./offer";
import { runningExperiment, type RunningVariant } from "./running";
import { recordVisitor } from "./track";

// Price experiments at the edge of the public site (called from proxy.ts). While one runs, a
// visitor of a public page is assigned a variant once (weighted random, a signed cookie), counted
// when the cookie comes back, and shown their variant's static copy of / and /pricing by a rewrite.
// Bots get the control and no cookie; signed-in staff see the control; a signed-in user with a
// recorded variant sees it on any device.

/** The pages that show plan prices, and the static copy of each per variant. */
const VARIANT_PAGES: Partial<Record<string, (variantId: string) => string>> = {
  "/": (id) => `/v/${id}`,
  "/pricing": (id) => `/pricing/v/${id}`,
};

/** The copies are reached only by the rewrite: asked for directly, they are the page itself. */
export const isVariantCopy = (path: string) => /^\/(pricing\/)?v(\/|$)/.test(path);

const isPublicPage = (path: string) =>
  !/^\/(api|admin|dashboard|_next)(\/|$)/.test(path) && !/\.\w+$/.test(path);

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

async function signedInUser(req: NextRequest): Promise<string | null> {
  if (!SESSION_COOKIES.some((name) => req.cookies.has(name))) return null;
  const token = await getToken({ req, secret: env.AUTH_SECRET }).catch(() => null);
  return typeof token?.uid === "string" ? token.uid : null;
}

/** The response for a public page request while an experiment runs; null when there is nothing to do. */
export async function routeExperiment(req: NextRequest, headers: Headers): Promise<NextResponse | null> {
  const path = req.nextUrl.pathname;
  if (!["GET", "HEAD"].includes(req.method) || !isPublicPage(path)) return null;
  const experiment = await runningExperiment().catch(() => null);
  if (!experiment || isBot(req.headers.get("user-agent"))) return null;
  const byId = (id: string | null | undefined) => experiment.variants.find((v) => v.id === id) ?? null;

  const fromCookie = readExperimentCookie(req.cookies.get(EXPERIMENT_COOKIE)?.value);
  let cookie = fromCookie?.experimentId === experiment.id && byId(fromCookie.variantId) ? fromCookie : null;
  let variant: RunningVariant | null = null;

  // Only the pages with prices ask who is signed in (a token check and one indexed query).
  const userId = VARIANT_PAGES[path] ? await signedInUser(req) : null;
  const user = userId ? await userInExperiment(userId, experiment.id) : null;
  if (user?.staff) return null;
  if (user?.variantId && byId(user.variantId)) {
    variant = byId(user.variantId);
    if (cookie?.variantId !== variant!.id)
      cookie = {
        experimentId: experiment.id,
        variantId: variant!.id,
        visitorId: cookie?.visitorId ?? newVisitorId(),
        counted: true,
      };
  }
  let write: ExperimentCookie | null = cookie !== fromCookie ? cookie : null;
  if (!variant && cookie) {
    variant = byId(cookie.variantId);
    if (!cookie.counted) {
      await recordVisitor(cookie);
      write = { ...cookie, counted: true };
    }
  }
  if (!variant) {
    variant = pickVariant(experiment.variants, Math.random());
    write = { experimentId: experiment.id, variantId: variant.id, visitorId: newVisitorId(), counted: false };
  }

  const copy = VARIANT_PAGES[path];
  const response =
    copy && !variant.control
      ? NextResponse.rewrite(new URL(copy(variant.id), req.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  if (write) response.cookies.set(EXPERIMENT_COOKIE, signExperimentCookie(write), experimentCookieOptions);
  // A shared cache must not hand one visitor's variant to another.
  if (copy) response.headers.set("Vary", "Cookie");
  return response;
}
