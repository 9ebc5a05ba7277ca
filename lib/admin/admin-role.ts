import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";

export const adminRoleFormSchema = z.object({
  userId: z.string().trim().min(1).max(64),
  adminRole: z.enum(["owner", "finance", "support", "read_only"], { message: "Choose a role." }),
});

/**
 * Changes an admin's console role. The console always keeps an owner: the last one cannot be
 * moved to another role (the check runs under a lock so two owners cannot demote each other).
 */
export async function setAdminRole(actor: Actor, input: z.infer<typeof adminRoleFormSchema>) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('admin-roles'))`;
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User");
    if (user.role !== "admin") throw new AppError("not_admin", `${user.email} is not an admin.`, 409);
    if (user.adminRole === input.adminRole) return user;
    if (user.adminRole === "owner") {
      const owners = await tx.user.count({ where: { role: "admin", adminRole: "owner" } });
      if (owners <= 1)
        throw new AppError(
          "last_owner",
          "The console needs at least one owner; make someone else owner first.",
          409,
        );
    }
    const updated = await tx.user.update({ where: { id: user.id }, data: { adminRole: input.adminRole } });
    await recordAudit(tx, {
      actor,
      action: "user.admin_role",
      targetType: "user",
      targetId: user.id,
      before: { adminRole: user.adminRole },
      after: { adminRole: input.adminRole },
    });
    return updated;
  });
}
