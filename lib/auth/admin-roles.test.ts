import { describe, expect, it } from "vitest";
import { POST as createWorkspace } from "@/app/api/v1/admin/workspaces/route";
import { GET as getWorkspace } from "@/app/api/v1/admin/workspaces/[id]/route";
import { POST as credits } from "@/app/api/v1/admin/workspaces/[id]/credits/route";
import { setAdminRole } from "@/lib/admin/admin-role";
import { db } from "@/lib/db";
import { createAdminApiKey } from "@/lib/metering/api-keys";
import { createUser, uniqueEmail } from "@/test/factories";
import { can, PERMISSIONS, withinCreditLimit, type Permission } from "./admin-roles";

// Each role × each permission the console checks (requireAdmin / adminAction name one of these).
const MATRIX: Record<"owner" | "finance" | "support" | "read_only", Permission[]> = {
  owner: [...PERMISSIONS],
  finance: ["read", "payments", "refunds", "reports"],
  support: ["read", "users", "workspaces", "credits"],
  read_only: ["read"],
};

describe("admin roles", () => {
  for (const [role, allowed] of Object.entries(MATRIX))
    for (const permission of PERMISSIONS)
      it(`${role} ${allowed.includes(permission) ? "may" : "may not"} ${permission}`, () => {
        expect(can(role as keyof typeof MATRIX, permission)).toBe(allowed.includes(permission));
      });

  it("support grants stay within the configured limit; owners have none", () => {
    expect(withinCreditLimit("support", 10_000_000n, 10_000)).toBe(true);
    expect(withinCreditLimit("support", 10_000_001n, 10_000)).toBe(false);
    expect(withinCreditLimit("support", -10_000_001n, 10_000)).toBe(false);
    expect(withinCreditLimit("owner", 10n ** 15n, 10_000)).toBe(true);
  });

  it("existing admins are owners, and the console always keeps one", async () => {
    const admin = await createUser({ role: "admin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).adminRole).toBe("owner");
    // Every other owner becomes finance, so this one is the last.
    await db.user.updateMany({
      where: { role: "admin", id: { not: admin.id } },
      data: { adminRole: "finance" },
    });
    await expect(setAdminRole(null, { userId: admin.id, adminRole: "support" })).rejects.toThrow(
      /at least one owner/,
    );
    const other = await createUser({ role: "admin" });
    await setAdminRole(null, { userId: admin.id, adminRole: "support" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).adminRole).toBe("support");
    await db.user.updateMany({ where: { role: "admin" }, data: { adminRole: "owner" } });
    expect(other.id).toBeTruthy();
  });
});

describe("admin API key scopes", () => {
  const req = (key: string, method: string, body?: unknown) =>
    new Request("http://localhost/api/v1/admin/x", {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("a read key reads and is refused changes (403 insufficient_scope); a write key changes", async () => {
    const { key: full } = await createAdminApiKey(null, "full");
    const { key: read } = await createAdminApiKey(null, "read", ["read"]);
    const created = await createWorkspace(
      req(full, "POST", { name: "Scopes", ownerEmail: uniqueEmail("o") }),
      {
        params: Promise.resolve({}),
      },
    );
    const { id } = await created.json();

    expect((await getWorkspace(req(read, "GET"), params(id))).status).toBe(200);
    const grant = { millicredits: 1000, reason: "Scope test", idempotencyKey: `scope-${id}` };
    const refused = await credits(req(read, "POST", grant), params(id));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: "insufficient_scope", scope: "write" });
    const refusedCreate = await createWorkspace(
      req(read, "POST", { name: "No", ownerEmail: uniqueEmail("o") }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(refusedCreate.status).toBe(403);

    expect((await credits(req(full, "POST", grant), params(id))).status).toBe(200);
  });
});
