import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { db } from "@/lib/db";
import { createUser } from "@/test/factories";
import { buyer, subscribed } from "@/test/payments";
import {
  choiceCookieValue,
  parseChoice,
  parsePlanChoice,
  signUpPath,
  startPath,
  type Choice,
} from "./plan-choice";
import { startDestination } from "./start";

const proAnnual: Choice = { kind: "plan", plan: "pro", interval: "year" };
const pack: Choice = { kind: "pack", pack: "credits-50k" };
const owner = (b: Awaited<ReturnType<typeof buyer>>) => ({
  user: b.user,
  workspace: { id: b.workspaceId },
  role: "owner",
});

describe("/start: where a pricing-page choice leads", () => {
  it("sends a visitor to sign-up carrying the plan or the pack (and a referral code)", () => {
    expect(signUpPath(parseChoice({ plan: "pro", interval: "year" }))).toBe(
      "/sign-up?plan=pro&interval=year",
    );
    expect(signUpPath(parseChoice({ pack: "credits-50k" }), "ada-123")).toBe(
      "/sign-up?pack=credits-50k&ref=ada-123",
    );
    expect(signUpPath(parseChoice({ plan: "../admin" }))).toBe("/sign-up");
  });

  it("takes a verified owner on the free plan straight into the checkout of the chosen plan, no second choice", async () => {
    const b = await buyer();
    const url = await startDestination(owner(b), proAnnual);
    expect(url).toMatch(/^\/checkout\/cs_local_/);
    const checkout = await db.checkoutSession.findUniqueOrThrow({ where: { id: url.split("/").pop()! } });
    const tier = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    expect(checkout).toMatchObject({ tierId: tier.id, interval: "year", amountCents: 79_000 });
  });

  it("opens the upgrade quote on Billing for a workspace already on a paid plan", async () => {
    const s = await subscribed("starter", "month");
    expect(await startDestination(owner(s), { kind: "plan", plan: "pro", interval: "month" })).toBe(
      "/dashboard/billing?plan=pro&interval=month#change-plan",
    );
    expect(await db.checkoutSession.count({ where: { workspaceId: s.workspaceId, status: "open" } })).toBe(0);
  });

  it("preselects the plan on Billing when the member cannot pay yet, and the pack on Credits", async () => {
    const unverified = await createUser();
    const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: unverified.id } });
    const member = { user: unverified, workspace: { id: workspaceId }, role: "owner" };
    expect(await startDestination(member, proAnnual)).toBe(
      "/dashboard/billing?plan=pro&interval=year#choose-plan",
    );
    const b = await buyer();
    expect(await startDestination({ ...owner(b), role: "member" }, proAnnual)).toBe(
      "/dashboard/billing?plan=pro&interval=year#choose-plan",
    );
    expect(await startDestination(owner(b), pack)).toBe("/dashboard/credits?pack=credits-50k#buy-credits");
    expect(await startDestination(owner(b), { kind: "plan", plan: "no-such-plan", interval: "month" })).toBe(
      "/dashboard/billing?plan=no-such-plan&interval=month#choose-plan",
    );
    expect(await startDestination(owner(b), null)).toBe("/dashboard");
  });
});

describe("the choice survives sign-up, verification and sign-in", () => {
  it("round-trips through the sign-up cookie", () => {
    for (const choice of [proAnnual, pack])
      expect(parsePlanChoice(choiceCookieValue(choice))).toEqual(choice);
    expect(parsePlanChoice("pro")).toEqual({ kind: "plan", plan: "pro", interval: "month" });
    expect(parsePlanChoice("pack:<script>")).toBeNull();
  });

  it("passes the same-origin rule unchanged as a sign-in callback, as do deep links from emails", () => {
    for (const path of [startPath(proAnnual), startPath(pack), "/dashboard/usage?range=7d"])
      expect(safeRedirectPath(path)).toBe(path);
    expect(safeRedirectPath("https://evil.example/start?plan=pro")).toBe("/dashboard");
  });
});
