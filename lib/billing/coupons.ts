import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { creditsLabel, parseCredits } from "@/lib/catalog/money";
import { db, type Tx } from "@/lib/db";
import { deliverQueued, queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError, NotFoundError, uniqueViolation } from "@/lib/errors";
import { changeBalance } from "./ledger";
import { log } from "@/lib/observability/logger";

export const couponCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, "Codes are 3–40 letters, digits, dashes or underscores.");

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
    expiresOn: z
      .string()
      .trim()
      .default("")
      .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), "Enter a date like 2030-12-31.")
      .transform((v) => (v ? new Date(`${v}T23:59:59.999Z`) : null)),
  })
  .refine((c) => (c.kind === "credits" ? c.credits > 0n : c.percentOff > 0), {
    message: "A coupon must give credits or a discount.",
    path: ["kind"],
  });

export async function createCoupon(actor: Actor, input: z.infer<typeof couponSchema>) {
  return db
    .$transaction(async (tx) => {
      const coupon = await tx.coupon.create({
        data: {
          code: input.code,
          kind: input.kind,
          millicredits: input.kind === "credits" ? input.credits : 0n,
          percentOff: input.kind === "percent_off" ? input.percentOff : 0,
          maxRedemptions: input.maxRedemptions,
          expiresAt: input.expiresOn,
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
    if (!c || !c.active) throw refuse("That coupon code doesn't exist.");
    if (c.kind !== "credits") throw refuse("This is a checkout discount: enter it when you pay for a plan.");
    if (c.expiresAt && c.expiresAt < new Date()) throw refuse("This coupon has expired.");
    if (c.maxRedemptions !== null && c.redemptionCount >= c.maxRedemptions)
      throw refuse("This coupon has been fully redeemed.");
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

/** A percent-off coupon for a checkout: checked now, counted when the payment completes. */
export async function checkoutDiscount(
  rawCode: string | undefined,
  workspaceId: string,
  amountCents: number,
) {
  if (!rawCode?.trim()) return { coupon: null, discountCents: 0 };
  const code = couponCodeSchema.safeParse(rawCode);
  const c = code.success ? await db.coupon.findUnique({ where: { code: code.data } }) : null;
  if (!c || !c.active) throw refuse("That coupon code doesn't exist.");
  if (c.kind !== "percent_off") throw refuse("This coupon gives credits: redeem it on the Credits page.");
  if (c.expiresAt && c.expiresAt < new Date()) throw refuse("This coupon has expired.");
  if (c.maxRedemptions !== null && c.redemptionCount >= c.maxRedemptions)
    throw refuse("This coupon has been fully redeemed.");
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
