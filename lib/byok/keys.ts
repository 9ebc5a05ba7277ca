import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { keyContext, seal, unseal } from "./crypto";

// A workspace's own provider keys (BYOK). Stored encrypted; after saving, only the provider and
// the last four characters ever leave this module, except through providerKeyFor (the proxy).

/** Providers a key can be saved for: those the proxy can reach (PROVIDER_BASE_URLS). */
export const byokProviders = () => Object.keys(env.PROVIDER_BASE_URLS).sort();

export const providerKeyInput = z.object({
  provider: z.string().trim().toLowerCase().min(1, "Choose a provider.").max(40),
  apiKey: z
    .string()
    .trim()
    .min(1, "Paste the provider's API key.")
    .max(512, "That is longer than any provider key; check what you pasted.")
    .refine((v) => !/\s/.test(v), "An API key has no spaces or line breaks."),
});

export type ProviderKeySummary = {
  provider: string;
  last4: string;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
};

const summary = { provider: true, last4: true, createdAt: true, updatedAt: true, lastUsedAt: true } as const;

/** Adds or replaces the workspace's key for a provider. Audited with the last four characters only. */
export async function saveProviderKey(
  actor: Actor,
  workspaceId: string,
  input: z.input<typeof providerKeyInput>,
): Promise<ProviderKeySummary> {
  const { provider, apiKey } = providerKeyInput.parse(input);
  if (!byokProviders().includes(provider)) throw new NotFoundError(`Provider “${provider}”`);
  const sealed = seal(apiKey, keyContext(workspaceId, provider));
  const last4 = apiKey.slice(-4);
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.providerKey.findUnique({
      where: { workspaceId_provider: { workspaceId, provider } },
      select: summary,
    });
    const row = await tx.providerKey.upsert({
      where: { workspaceId_provider: { workspaceId, provider } },
      create: { workspaceId, provider, ...sealed, last4, createdById: actor?.id ?? null },
      update: { ...sealed, last4, createdById: actor?.id ?? null, lastUsedAt: null },
      select: { id: true, ...summary },
    });
    await recordAudit(tx, {
      actor,
      action: before ? "provider_key.replace" : "provider_key.create",
      targetType: "provider_key",
      targetId: row.id,
      before: before ? { provider, last4: before.last4 } : undefined,
      after: { workspaceId, provider, last4 },
    });
    return row;
  });
  forget(workspaceId, provider);
  return {
    provider: saved.provider,
    last4: saved.last4,
    createdAt: saved.createdAt,
    updatedAt: saved.updatedAt,
    lastUsedAt: saved.lastUsedAt,
  };
}

/** The workspace's provider keys, never the secrets. */
export function listProviderKeys(workspaceId: string): Promise<ProviderKeySummary[]> {
  return db.providerKey.findMany({ where: { workspaceId }, select: summary, orderBy: { provider: "asc" } });
}

export async function deleteProviderKey(actor: Actor, workspaceId: string, provider: string) {
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.providerKey.findUnique({
      where: { workspaceId_provider: { workspaceId, provider } },
      select: { id: true, last4: true },
    });
    if (!row) throw new NotFoundError("Provider key");
    await tx.providerKey.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actor,
      action: "provider_key.delete",
      targetType: "provider_key",
      targetId: row.id,
      before: { workspaceId, provider, last4: row.last4 },
    });
    return { provider, last4: row.last4 };
  });
  forget(workspaceId, provider);
  return removed;
}

// The proxy asks on every call; a short per-process cache (including "no key") saves that query.
// Another instance sees a new or removed key within CACHE_MS.
const CACHE_MS = 15_000;
const MINUTE = 60_000;
type Cached = { at: number; value: Promise<{ id: string; key: string; lastUsedAt: Date | null } | null> };
const cache = new Map<string, Cached>();
const cacheKey = (workspaceId: string, provider: string) => `${workspaceId}:${provider}`;

function forget(workspaceId: string, provider: string) {
  cache.delete(cacheKey(workspaceId, provider));
}

async function load(workspaceId: string, provider: string) {
  const row = await db.providerKey.findUnique({ where: { workspaceId_provider: { workspaceId, provider } } });
  if (!row) return null;
  return { id: row.id, key: unseal(row, keyContext(workspaceId, provider)), lastUsedAt: row.lastUsedAt };
}

/** The workspace's decrypted key for a provider, or null to use the platform's key. Never log it. */
export async function providerKeyFor(
  workspaceId: string,
  provider: string,
  now = Date.now(),
): Promise<string | null> {
  const k = cacheKey(workspaceId, provider);
  let entry = cache.get(k);
  if (!entry || now - entry.at > CACHE_MS) {
    entry = { at: now, value: load(workspaceId, provider) };
    cache.set(k, entry);
    entry.value.catch(() => cache.delete(k));
  }
  const found = await entry.value;
  if (!found) return null;
  // "Last used" is worth a write at most once a minute; off the call's critical path.
  if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > MINUTE) {
    found.lastUsedAt = new Date(now);
    void db.providerKey
      .updateMany({ where: { id: found.id }, data: { lastUsedAt: found.lastUsedAt } })
      .catch(() => {});
  }
  return found.key;
}

/** Drops every cached key (tests, and after a rotation in this process). */
export function clearProviderKeyCache() {
  cache.clear();
}
