import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { demo, E2E_DB_URL, expect, signIn, test } from "./support";
import pg from "pg";

// Every admin page, admin export route and admin server action the production build contains — read
// from the build's own manifests, so one added later is covered without touching this file.
const serverDir = path.resolve(".next/server");
type ActionEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
const actionManifest = JSON.parse(readFileSync(path.join(serverDir, "server-reference-manifest.json"), "utf8")) as { node: Record<string, ActionEntry> };
const appPaths = Object.keys(JSON.parse(readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>);

// "app/(admin)/admin/workspaces/[id]/page" -> "/admin/workspaces/x"
const urlOf = (route: string) =>
  `/${route.replace(/^app\//, "").replace(/^\//, "")}`
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/(page|route)$/, "")
    .replace(/\[[^\]]+\]/g, "x");

const adminActions = Object.entries(actionManifest.node)
  .filter(([, entry]) => entry.filename.startsWith("app/(admin)/"))
  .map(([id, entry]) => ({ id, name: `${entry.filename} ${entry.exportedName}`, url: urlOf(Object.keys(entry.workers)[0]) }));
const adminPages = appPaths.filter((p) => p.startsWith("/(admin)/") && p.endsWith("/page")).map(urlOf);
const adminRoutes = appPaths.filter((p) => p.startsWith("/api/admin/") && p.endsWith("/route")).map(urlOf);

async function callAction(request: APIRequestContext, action: { id: string; url: string }) {
  // What React sends for `action(prevState, formData)`; the admin check must refuse before reading it.
  return request.post(action.url, {
    headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{}, "$K1"]),
    maxRedirects: 0,
  });
}

async function auditCount() {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`select count(*)::text as n from "AuditLog"`)).rows[0].n);
  } finally {
    await client.end();
  }
}

test("the build has the admin console's actions, pages and routes to check", () => {
  expect(adminActions.length).toBeGreaterThan(25);
  expect(adminActions.map((a) => a.name).join("\n")).toMatch(/grant|credits/i);
  expect(adminPages).toEqual(expect.arrayContaining(["/admin", "/admin/users", "/admin/workspaces/x", "/admin/audit", "/admin/analytics"]));
  expect(adminRoutes.length).toBeGreaterThanOrEqual(2);
});

test("a signed-in non-admin is refused every admin page, export and server action, and nothing changes", async ({ page }) => {
  await signIn(page, demo.ada);
  const before = await auditCount();
  for (const url of adminPages) {
    expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(403);
  }
  for (const url of adminRoutes) {
    expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(403);
  }
  for (const action of adminActions) {
    expect((await callAction(page.request, action)).status(), action.name).toBe(403);
  }
  expect(await auditCount()).toBe(before);
});

test("a signed-out visitor is sent to sign in for admin pages and refused admin exports and actions", async ({ request }) => {
  for (const url of adminPages) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(307);
    expect(res.headers().location, url).toContain("/sign-in");
  }
  for (const url of adminRoutes) {
    expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(401);
  }
  for (const action of adminActions) {
    expect((await callAction(request, action)).status(), action.name).toBe(403);
  }
});
