import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type MemberRole } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { assertCan, can } from "@/lib/workspaces/permissions";

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

function newKey(prefix: "tg" | "tga") {
  const key = `${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, prefix.length + 7), keyHash: hashKey(key) };
}

/** Creates a workspace API key. The returned `key` is the only time it is ever visible. */
export async function createApiKey(
  actor: Actor,
  workspaceId: string,
  input: { name: string; expiresAt?: Date | null; monthlySpendCapMillicredits?: bigint | null },
) {
  const { key, prefix, keyHash } = newKey("tg");
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        workspaceId,
        name: input.name,
        prefix,
        keyHash,
        createdById: actor?.id,
        expiresAt: input.expiresAt ?? null,
        monthlySpendCapMillicredits: input.monthlySpendCapMillicredits ?? null,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "api_key.create",
      targetType: "api_key",
      targetId: created.id,
      after: { ...created, keyHash: undefined },
    });
    return created;
  });
  return { key, record };
}

/**
 * `role`: a workspace member's request, checked against the permission table (a member revokes
 * only the keys they created). Without it: the admin console.
 */
export async function revokeApiKey(
  actor: Actor,
  workspaceId: string,
  id: string,
  opts: { role?: MemberRole } = {},
) {
  if (opts.role) assertCan(opts.role, "api_keys.own", "revoke API keys");
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    if (!key || key.workspaceId !== workspaceId) throw new NotFoundError("API key");
    if (opts.role && !can(opts.role, "api_keys.manage") && key.createdById !== actor?.id)
      throw new ForbiddenError("You can only revoke API keys you created.");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: "api_key.revoke", targetType: "api_key", targetId: id });
    return revoked;
  });
}

/** Every key of the workspace, or with `createdById` only that person's (members see their own). */
export function listApiKeys(workspaceId: string, opts: { createdById?: string } = {}) {
  return db.apiKey.findMany({
    where: { workspaceId, createdById: opts.createdById },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/**
 * Members and up create keys (theirs: createdById); a spend cap on a key is for those who manage
 * every key. Only a confirmed email may create one.
 */
export function assertCanCreateKey(
  user: { emailVerifiedAt: Date | null },
  role: string,
  input: { monthlySpendCapMillicredits?: bigint | null },
) {
  assertCan(role, "api_keys.own", "create API keys");
  if (input.monthlySpendCapMillicredits != null) assertCan(role, "api_keys.manage", "set key spend caps");
  if (!user.emailVerifiedAt) throw new ForbiddenError("Confirm your email before creating API keys.");
}

export async function createAdminApiKey(
  actor: Actor,
  name: string,
  scopes: string[] = ["read", "write", "refund"],
) {
  const { key, prefix, keyHash } = newKey("tga");
  const record = await db.adminApiKey.create({
    data: { name, prefix, keyHash, scopes, createdById: actor?.id },
  });
  await recordAudit(db, {
    actor,
    action: "admin_api_key.create",
    targetType: "admin_api_key",
    targetId: record.id,
    after: { name, scopes },
  });
  return { key, record };
}

export function listAdminApiKeys() {
  return db.adminApiKey.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

export async function revokeAdminApiKey(actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const key = await tx.adminApiKey.findUnique({ where: { id } });
    if (!key) throw new NotFoundError("Admin API key");
    if (key.revokedAt) return key;
    const revoked = await tx.adminApiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "admin_api_key.revoke",
      targetType: "admin_api_key",
      targetId: id,
    });
    return revoked;
  });
}
