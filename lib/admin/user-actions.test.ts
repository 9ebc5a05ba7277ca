import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createUser } from "@/test/factories";
import { resendUserVerification } from "./user-actions";
import { userAudit } from "./users";

const verifyEmails = (to: string) =>
  db.emailOutbox.findMany({ where: { to, template: "verify-email" }, orderBy: { createdAt: "asc" } });

describe("resend verification", () => {
  it("queues a new verify email for an unverified user and audits it", async () => {
    const admin = await createUser({ role: "admin", verified: true });
    const user = await createUser();
    expect(await verifyEmails(user.email)).toHaveLength(1);

    await expect(resendUserVerification(admin, { userId: user.id })).resolves.toEqual({ email: user.email });
    const emails = await verifyEmails(user.email);
    expect(emails).toHaveLength(2);
    expect(emails[1].status).toBe("queued");
    expect(emails[1].text).toMatch(/verify-email\?token=/);
    expect(emails[1].idempotencyKey).not.toBe(emails[0].idempotencyKey);

    const audit = await userAudit(user.id, 1);
    expect(audit.rows).toMatchObject([
      { action: "user.resend_verification", actorId: admin.id, actorEmail: admin.email, targetType: "user" },
    ]);
  });

  it("refuses a verified or unknown user and sends nothing", async () => {
    const admin = await createUser({ role: "admin", verified: true });
    const verified = await createUser({ verified: true });
    await expect(resendUserVerification(admin, { userId: verified.id })).rejects.toThrow(
      `${verified.email} is already verified; no email was sent.`,
    );
    expect(await verifyEmails(verified.email)).toHaveLength(0);
    await expect(resendUserVerification(admin, { userId: "no-such-user" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
