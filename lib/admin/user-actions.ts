import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { resendVerification } from "@/lib/auth/accounts";
import { db, type Tx } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";

export const resendVerificationFormSchema = z.object({ userId: z.string().trim().min(1).max(64) });

const alreadyVerified = (email: string) =>
  new AppError("already_verified", `${email} is already verified; no email was sent.`, 409);

/**
 * Sends a fresh verification link the way sign-up does (a new token and a `verify-email` outbox
 * row); the audit entry commits with the new token.
 */
export async function resendUserVerification(
  actor: Actor,
  input: z.infer<typeof resendVerificationFormSchema>,
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  if (!user) throw new NotFoundError("User");
  if (user.emailVerifiedAt) throw alreadyVerified(user.email);
  const audit = (tx: Tx) =>
    recordAudit(tx, {
      actor,
      action: "user.resend_verification",
      targetType: "user",
      targetId: user.id,
      after: { email: user.email },
    });
  if (!(await resendVerification(user.id, audit))) throw alreadyVerified(user.email);
  return { email: user.email };
}
