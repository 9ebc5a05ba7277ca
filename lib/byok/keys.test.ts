import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/test/factories";
import { apiWorkspace } from "@/test/metering";
import { keyContext, seal, unseal } from "./crypto";
import {
  clearProviderKeyCache,
  deleteProviderKey,
  listProviderKeys,
  providerKeyFor,
  saveProviderKey,
} from "./keys";
import { rotateProviderKeys } from "./rotate";

// The dashboard's server actions run with a stubbed session (the signed-in owner) and cache.
const session = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getDashboardContext: async () => session.ctx }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const v1 = `v1:${randomBytes(32).toString("base64")}`;
const v2 = `v2:${randomBytes(32).toString("base64")}`;
const original = env.BYOK_ENCRYPTION_KEYS;

afterEach(() => {
  env.BYOK_ENCRYPTION_KEYS = original;
  clearProviderKeyCache();
});

const secret = () => `sk-proj-${randomBytes(24).toString("base64url")}Wxyz`;

async function auditRowsFor(targetId: string) {
  return db.auditLog.findMany({ where: { targetId }, orderBy: { seq: "asc" } });
}

describe("BYOK provider keys", () => {
  it("stores only ciphertext and the last four characters, anywhere a person or log could see", async () => {
    const { workspace } = await apiWorkspace();
    const user = await createUser({ verified: true });
    session.ctx = { user, workspace, role: "owner" };
    const { saveProviderKeyAction, removeProviderKeyAction } =
      await import("@/app/(dashboard)/dashboard/provider-keys/actions");

    const plaintext = secret();
    const form = new FormData();
    form.set("provider", "openai");
    form.set("apiKey", `  ${plaintext}\n`);
    const saved = await saveProviderKeyAction({}, form);
    expect(saved).toMatchObject({
      ok: true,
      message: "OpenAI key saved: •••• Wxyz",
      saved: { provider: "openai", last4: "Wxyz" },
    });

    const row = await db.providerKey.findUniqueOrThrow({
      where: { workspaceId_provider: { workspaceId: workspace.id, provider: "openai" } },
    });
    const listed = await listProviderKeys(workspace.id);
    const audits = await auditRowsFor(row.id);
    expect(audits.map((a) => a.action)).toEqual(["provider_key.create"]);
    expect(listed).toEqual([expect.objectContaining({ provider: "openai", last4: "Wxyz" })]);

    // Replacing is audited too; a refused save hands nothing back either.
    const replacement = secret();
    form.set("apiKey", replacement);
    expect(await saveProviderKeyAction({}, form)).toMatchObject({ ok: true });
    const empty = new FormData();
    empty.set("provider", "openai");
    empty.set("apiKey", "   ");
    const refused = await saveProviderKeyAction({}, empty);
    expect(refused.fieldErrors?.apiKey).toEqual(["Paste the provider's API key."]);
    session.ctx = { user, workspace, role: "member" };
    form.set("apiKey", "sk-member-tries-this-1234");
    expect(await saveProviderKeyAction({}, form)).toMatchObject({
      error: "Only workspace owners and admins manage provider keys.",
    });

    const seen = JSON.stringify(
      [
        row,
        listed,
        audits,
        await auditRowsFor(row.id),
        saved,
        refused,
        await db.providerKey.findMany({ where: { workspaceId: workspace.id } }),
      ],
      (_k, v) => (typeof v === "bigint" ? v.toString() : v),
    );
    for (const s of [plaintext, replacement, "sk-member-tries-this-1234"]) expect(seen).not.toContain(s);
    expect(await providerKeyFor(workspace.id, "openai")).toBe(replacement);

    session.ctx = { user, workspace, role: "admin" };
    const removeForm = new FormData();
    removeForm.set("provider", "openai");
    expect(await removeProviderKeyAction({}, removeForm)).toMatchObject({
      ok: true,
      message: "OpenAI key •••• Wxyz removed.",
    });
    expect(await providerKeyFor(workspace.id, "openai")).toBeNull();
    expect((await auditRowsFor(row.id)).map((a) => a.action)).toEqual([
      "provider_key.create",
      "provider_key.replace",
      "provider_key.delete",
    ]);
    await expect(deleteProviderKey(null, workspace.id, "openai")).rejects.toMatchObject({ status: 404 });
  });

  it("re-encrypts every key with the newest version, and reads them with only that version configured", async () => {
    env.BYOK_ENCRYPTION_KEYS = v1;
    const a = await apiWorkspace();
    const b = await apiWorkspace();
    const keyA = secret();
    const keyB = secret();
    await saveProviderKey(null, a.workspace.id, { provider: "openai", apiKey: keyA });
    await saveProviderKey(null, b.workspace.id, { provider: "openai", apiKey: keyB });
    const where = { workspaceId: { in: [a.workspace.id, b.workspace.id] } };
    expect((await db.providerKey.findMany({ where })).map((r) => r.keyVersion)).toEqual([1, 1]);

    env.BYOK_ENCRYPTION_KEYS = `${v1},${v2}`;
    const result = await rotateProviderKeys();
    expect(result.failed).toEqual([]);
    expect(result.rotated).toBeGreaterThanOrEqual(2);
    expect((await db.providerKey.findMany({ where })).map((r) => r.keyVersion)).toEqual([2, 2]);
    expect(await rotateProviderKeys()).toEqual({ rotated: 0, failed: [] });

    env.BYOK_ENCRYPTION_KEYS = v2;
    clearProviderKeyCache();
    expect(await providerKeyFor(a.workspace.id, "openai")).toBe(keyA);
    expect(await providerKeyFor(b.workspace.id, "openai")).toBe(keyB);
  });

  it("refuses a sealed key moved to another workspace, and a tampered one", () => {
    env.BYOK_ENCRYPTION_KEYS = v1;
    const sealed = seal("sk-test-abcd", keyContext("ws_a", "openai"));
    expect(unseal(sealed, keyContext("ws_a", "openai"))).toBe("sk-test-abcd");
    expect(() => unseal(sealed, keyContext("ws_b", "openai"))).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[0] ^= 1;
    expect(() =>
      unseal({ ...sealed, ciphertext: bytes.toString("base64") }, keyContext("ws_a", "openai")),
    ).toThrow();
  });
});
