import { describe, expect, it } from "vitest";
import { cancellationSchema } from "@/lib/billing/cancellation";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/utils/format";
import { subscribed } from "@/test/payments";
import { setCancelAtPeriodEnd } from "./plans";

describe("cancelling at period end", () => {
  it("keeps the optional reason with the audit entry and emails a confirmation once per period", async () => {
    const s = await subscribed("pro", "month");
    const why = cancellationSchema.parse({ reason: "too_expensive", comment: "  Need a cheaper tier  " });
    await setCancelAtPeriodEnd(s.actor, s.workspaceId, true, why);
    const sub = await s.sub();
    expect(sub.cancelAtPeriodEnd).toBe(true);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "subscription.cancel_at_period_end", targetId: sub.id },
    });
    expect(audit).toMatchObject({
      actorId: s.user.id,
      after: { reason: "too_expensive", comment: "Need a cheaper tier" },
    });

    const sent = await db.emailOutbox.findMany({
      where: { to: s.user.email, template: "cancellation-confirmed" },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe(
      `Your Pro plan is cancelled: it ends on ${formatDate(sub.currentPeriodEnd)}`,
    );
    expect(sent[0].text).toContain("moves to the Free plan");

    // Resume, cancel again without a reason: stored as none; the same period is confirmed only once.
    await setCancelAtPeriodEnd(s.actor, s.workspaceId, false);
    await setCancelAtPeriodEnd(
      s.actor,
      s.workspaceId,
      true,
      cancellationSchema.parse({ reason: "", comment: "" }),
    );
    const entries = await db.auditLog.findMany({
      where: { action: "subscription.cancel_at_period_end", targetId: sub.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => e.after)).toEqual([
      { reason: "too_expensive", comment: "Need a cheaper tier" },
      { reason: null, comment: null },
    ]);
    expect(
      await db.emailOutbox.count({ where: { to: s.user.email, template: "cancellation-confirmed" } }),
    ).toBe(1);
  });

  it("refuses a reason that is not on the list", () => {
    expect(cancellationSchema.safeParse({ reason: "hacker" }).success).toBe(false);
  });
});
