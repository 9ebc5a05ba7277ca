import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { creditsLabel, parseCredits } from "@/lib/catalog/money";
import { db, type Tx } from "@/lib/db";
import { deliverQueued, queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError, NotFoundError, uniqueViolation } from "@/lib/errors";
import { couponStateRefusal } from "./coupon-state";
import { changeBalance } from "./ledger";
import { log } from "@/lib/observability/logger";
import { periodEnd } from "./subscriptions";

export const couponCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, "Codes are 3–40 letters, digits, dashes or underscores.");

function dateField(timeOfDay: string) {
  return z
    .string()
    .trim()
    .default("")
    .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), "Enter a date like 2030-12-31.")
    .transform((v) => (v ? new Date(`${v}${timeOfDay}`) : null))
    .refine((d) => !d || !Number.isNaN(d.getTime()), "Enter a real date like 2030-12-31.");
}

export const couponSchema = z
  .object({
    code: couponCodeSchema,
    kind: z.enum(["credits", "percent_off"]),
    credits: z
      .string()
      .trim()
      .default("")
      .transform((v, ctx) => {
        const m = parseCredits(v || "0");
        if (m === null || m < 0n) {
          ctx.addIssue({ code: "custom", message: "Enter a number of credits like 1000." });
          return z.NEVER;
        }
        return m;
      }),
    percentOff: z.coerce.number().int().min(0).max(100, "At most 100%.").default(0),
    maxRedemptions: z
      .string()
      .trim()
      .default("")
      .transform((v, ctx) => {
        if (!v) return null;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) {
          ctx.addIssue({
            code: "custom",
            message: "Enter a whole number of at least 1, or leave it blank for no limit.",
          });
          return z.NEVER;
        }
        return n;
      }),
    // Valid through the end of this UTC day; it must not have passed.
    expiresOn: dateField("T23:59:59.999Z").refine(
      (d) => !d || d > new Date(),
      "Choose an expiry date in the future (or leave it blank).",
    ),
    // Usable from the start of this UTC day; blank for now. A future date makes it "scheduled".
    startsOn: dateField("T00:00:00.000Z"),
    // Percent-off coupons on plans: the first payment, N months, or every payment.
    duration: z.enum(["once", "repeating", "forever"]).default("once"),
    durationMonths: z
      .string()
      .trim()
      .default("")
      .transform((v, ctx) => {
        if (!v) return null;
        const n = Number(v);
        if (!/^\d{1,2}$/.test(v) || n < 1 || n > 36) {
          ctx.addIssue({ code: "custom", message: "Enter a whole number of months from 1 to 36." });
          return z.NEVER;
        }
        return n;
      }),
    // Percent-off coupons only for these tiers; empty for every plan (and credit packs).
    tierIds: z.array(z.string().min(1)).default([]),
  })
  .refine((c) => (c.kind === "credits" ? c.credits > 0n : c.percentOff > 0), {
    message: "A coupon must give credits or a discount.",
    path: ["kind"],
  })
  .refine((c) => c.kind !== "percent_off" || c.duration !== "repeating" || c.durationMonths !== null, {
    message: "Say for how many months the discount applies.",
    path: ["durationMonths"],
  })
  .refine((c) => !c.startsOn || !c.expiresOn || c.startsOn < c.expiresOn, {
    message: "The coupon must start before it expires.",
    path: ["startsOn"],
  });

export type CouponInput = z.infer<typeof couponSchema>;

export async function createCoupon(actor: Actor, input: CouponInput) {
  const percent = input.kind === "percent_off";
  const tierIds = percent ? [...new Set(input.tierIds)] : [];
  if (tierIds.length && (await db.tier.count({ where: { id: { in: tierIds } } })) !== tierIds.length)
    throw new AppError("unknown_tier", "One of the chosen plans no longer exists.", 400);
  return db
    .$transaction(async (tx) => {
      const coupon = await tx.coupon.create({
        data: {
          code: input.code,
          kind: input.kind,
          millicredits: percent ? 0n : input.credits,
          percentOff: percent ? input.percentOff : 0,
          maxRedemptions: input.maxRedemptions,
          expiresAt: input.expiresOn,
          startsAt: input.startsOn,
          duration: percent ? input.duration : "once",
          durationMonths: percent && input.duration === "repeating" ? input.durationMonths : null,
          tierIds,
        },
      });
      await recordAudit(tx, {
        actor,
        action: "coupon.create",
        targetType: "coupon",
        targetId: coupon.id,
        after: coupon,
      });
      return coupon;
    })
    .catch(uniqueViolation("Another coupon already uses that code."));
}

export async function setCouponActive(actor: Actor, id: string, active: boolean) {
  const coupon = await db.coupon.update({ where: { id }, data: { active } }).catch(() => {
    throw new NotFoundError("Coupon");
  });
  await recordAudit(db, {
    actor,
    action: active ? "coupon.activate" : "coupon.deactivate",
    targetType: "coupon",
    targetId: id,
  });
  return coupon;
}

export const listCoupons = () => db.coupon.findMany({ orderBy: { createdAt: "desc" } });

/** The names of the plans a restricted coupon applies to, for its refusal and the admin list. */
export async function couponTierNames(tierIds: string[]) {
  const tiers = await db.tier.findMany({ where: { id: { in: tierIds } }, orderBy: { rank: "asc" } });
  return tiers.map((t) => t.name);
}

const listNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

const refuse = (message: string) => new AppError("coupon_refused", message, 400);

/**
 * Redeems a credit coupon for a workspace: once per workspace, never past its maximum or expiry,
 * even when many people redeem the last one at the same moment (row lock on the coupon). The
 * person who redeemed it gets an email (written with the redemption, delivered after commit).
 */
export async function redeemCoupon(
  actor: { id: string; email: string },
  workspaceId: string,
  rawCode: string,
) {
  const code = couponCodeSchema.safeParse(rawCode);
  if (!code.success) throw refuse("That coupon code doesn't exist.");
  const { email, ...redeemed } = await db.$transaction(async (tx) => {
    const [coupon] = await tx.$queryRaw<
      { id: string }[]
    >`select id from "Coupon" where code = ${code.data} for update`;
    const c = coupon && (await tx.coupon.findUnique({ where: { id: coupon.id } }));
    if (!c) throw refuse("That coupon code doesn't exist.");
    const refusal = couponStateRefusal(c);
    if (refusal) throw refuse(refusal);
    if (c.kind !== "credits") throw refuse("This is a checkout discount: enter it when you pay for a plan.");
    if (
      await tx.couponRedemption.findUnique({
        where: { couponId_workspaceId: { couponId: c.id, workspaceId } },
      })
    )
      throw refuse("This workspace has already redeemed that coupon.");
    const redemption = await tx.couponRedemption.create({
      data: { couponId: c.id, workspaceId, userId: actor.id },
    });
    await tx.coupon.update({ where: { id: c.id }, data: { redemptionCount: { increment: 1 } } });
    const { balanceMillicredits } = await changeBalance(
      {
        workspaceId,
        amountMillicredits: c.millicredits,
        kind: "coupon",
        reference: `coupon:${c.id}`,
        reason: `Coupon ${c.code}`,
        actorId: actor.id,
      },
      tx,
    );
    await recordAudit(tx, {
      actor,
      action: "coupon.redeem",
      targetType: "workspace",
      targetId: workspaceId,
      after: { code: c.code, millicredits: c.millicredits },
    });
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { email: true, name: true } });
    const email = await queueEmail(
      {
        template: "coupon-redeemed",
        to: user?.email ?? actor.email,
        idempotencyKey: `coupon-redeemed:${redemption.id}`,
        props: {
          name: user?.name ?? null,
          code: c.code,
          benefit: creditsLabel(c.millicredits),
          creditsUrl: `${env.APP_URL}/dashboard/credits`,
        },
      },
      tx,
    );
    return { coupon: c, balanceMillicredits, email };
  });
  // After commit: a failed send stays queued in the outbox and never undoes the redemption.
  await deliverQueued(email).catch((e: unknown) => log.error({ err: e }, "email delivery failed"));
  return redeemed;
}

/**
 * A percent-off coupon for a checkout: checked now, counted when the payment completes. `tierId` is
 * the plan bought (null for a credit pack): a coupon restricted to some plans refuses the others.
 */
export async function checkoutDiscount(
  rawCode: string | undefined,
  workspaceId: string,
  amountCents: number,
  tierId: string | null = null,
) {
  if (!rawCode?.trim()) return { coupon: null, discountCents: 0 };
  const code = couponCodeSchema.safeParse(rawCode);
  const c = code.success ? await db.coupon.findUnique({ where: { code: code.data } }) : null;
  if (!c) throw refuse("That coupon code doesn't exist.");
  const refusal = couponStateRefusal(c);
  if (refusal) throw refuse(refusal);
  if (c.kind !== "percent_off") throw refuse("This coupon gives credits: redeem it on the Credits page.");
  if (c.tierIds.length && (!tierId || !c.tierIds.includes(tierId)))
    throw refuse(`This coupon applies only to the ${listNames(await couponTierNames(c.tierIds))} plan.`);
  if (
    await db.couponRedemption.findUnique({ where: { couponId_workspaceId: { couponId: c.id, workspaceId } } })
  )
    throw refuse("This workspace has already used that coupon.");
  return { coupon: c, discountCents: Math.round((amountCents * c.percentOff) / 100) };
}

/**
 * Counts a checkout coupon once its payment is in (inside the webhook's transaction). The price was
 * already agreed at checkout, so a coupon that filled up meanwhile is honoured but not over-counted.
 */
export async function countCheckoutCoupon(tx: Tx, couponId: string, workspaceId: string, userId: string) {
  const inserted = await tx.couponRedemption.createMany({
    data: [{ couponId, workspaceId, userId }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return;
  await tx.$executeRaw`update "Coupon" set "redemptionCount" = "redemptionCount" + 1 where id = ${couponId} and ("maxRedemptions" is null or "redemptionCount" < "maxRedemptions")`;
}

/** When a plan bought with this coupon stops being discounted: after the first payment, N months, or never (null). */
export function couponEndsAt(
  c: { duration: "once" | "repeating" | "forever"; durationMonths: number | null },
  start: Date,
) {
  if (c.duration === "forever") return null;
  let end = start;
  for (let i = 0; c.duration === "repeating" && i < (c.durationMonths ?? 0); i++)
    end = periodEnd(end, "month");
  return end;
}

/** A plan bought with a percent-off coupon keeps it while it lasts (inside the checkout webhook's transaction). */
export async function attachCouponToSubscription(
  tx: Tx,
  subscriptionId: string,
  couponId: string,
  start: Date,
) {
  const c = await tx.coupon.findUnique({ where: { id: couponId } });
  if (!c || c.kind !== "percent_off") return;
  await tx.subscription.update({
    where: { id: subscriptionId },
    data: { couponId: c.id, couponEndsAt: couponEndsAt(c, start) },
  });
}

/**
 * The discount on a renewal starting at `periodStart` of a plan on `tierId`: the coupon the plan was
 * bought with, while its duration lasts and only on the plans it is restricted to. Like Stripe, a
 * coupon disabled or expired later keeps discounting the plans that already have it.
 */
export async function renewalDiscount(
  sub: { couponId: string | null; couponEndsAt: Date | null },
  tierId: string,
  periodStart: Date,
  priceCents: number,
) {
  if (!sub.couponId) return { coupon: null, discountCents: 0 };
  if (sub.couponEndsAt && periodStart >= sub.couponEndsAt) return { coupon: null, discountCents: 0 };
  const c = await db.coupon.findUnique({ where: { id: sub.couponId } });
  if (!c || c.kind !== "percent_off") return { coupon: null, discountCents: 0 };
  if (c.tierIds.length && !c.tierIds.includes(tierId)) return { coupon: null, discountCents: 0 };
  return { coupon: c, discountCents: Math.round((priceCents * c.percentOff) / 100) };
}
