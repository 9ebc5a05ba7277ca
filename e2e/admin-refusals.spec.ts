import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { demo, E2E_ADMIN_API_KEY, E2E_DB_URL, expect, signIn, test } from "./support";
import pg from "pg";

// Every admin page, admin export route and admin server action the production build contains — read
// from the build's own manifests, so one added later is covered without touching this file.
const serverDir = path.resolve(".next/server");
type ActionEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
const actionManifest = JSON.parse(
  readFileSync(path.join(serverDir, "server-reference-manifest.json"), "utf8"),
) as { node: Record<string, ActionEntry> };
const appPaths = Object.keys(
  JSON.parse(readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>,
);

// "app/(admin)/admin/workspaces/[id]/page" -> "/admin/workspaces/x"
const urlOf = (route: string) =>
  `/${route.replace(/^app\//, "").replace(/^\//, "")}`
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/(page|route)$/, "")
    .replace(/\[[^\]]+\]/g, "x");

const adminActions = Object.entries(actionManifest.node)
  .filter(([, entry]) => entry.filename.startsWith("app/(admin)/"))
  .map(([id, entry]) => ({
    id,
    name: `${entry.filename} ${entry.exportedName}`,
    url: urlOf(Object.keys(entry.workers)[0]),
  }));
const adminPages = appPaths.filter((p) => p.startsWith("/(admin)/") && p.endsWith("/page")).map(urlOf);
const adminRoutes = appPaths.filter((p) => p.startsWith("/api/admin/") && p.endsWith("/route")).map(urlOf);

async function callAction(request: APIRequestContext, action: { id: string; url: string }) {
  // What React sends for `action(prevState, formData)`; the admin check must refuse before reading it.
  return request.post(action.url, {
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: JSON.stringify([{}, "$K1"]),
    maxRedirects: 0,
  });
}

async function auditCount() {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return Number(
      (await client.query<{ n: string }>(`select count(*)::text as n from "AuditLog"`)).rows[0].n,
    );
  } finally {
    await client.end();
  }
}

test("the build has the admin console's actions, pages and routes to check", () => {
  expect(adminActions.length).toBeGreaterThan(25);
  expect(adminActions.map((a) => a.name).join("\n")).toMatch(/grant|credits/i);
  expect(adminPages).toEqual(
    expect.arrayContaining([
      "/admin",
      "/admin/users",
      "/admin/workspaces/x",
      "/admin/audit",
      "/admin/analytics",
    ]),
  );
  expect(adminRoutes.length).toBeGreaterThanOrEqual(2);
});

// A canary: rows only an admin may see, each carrying one random token. The response bodies a
// stranger or a non-admin gets must carry neither the token nor any email address but their own.
const token = `canary${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
const canaryEmail = `${token}@example.test`;
// Ids never carry the token: a URL echoed back (a sign-in callbackUrl) is not a leak.
const ids = { user: "x", workspace: "x", email: "x" };
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

test.beforeAll(async ({ request }) => {
  const created = await request.post("/api/v1/admin/workspaces", {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { name: `Workspace ${token}`, ownerEmail: canaryEmail },
  });
  expect(created.status()).toBe(201);
  ids.workspace = ((await created.json()) as { id: string }).id;
  const granted = await request.post(`/api/v1/admin/workspaces/${ids.workspace}/credits`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { millicredits: 1234000, reason: `Goodwill ${token}`, idempotencyKey: token },
  });
  expect(granted.ok()).toBe(true);
  await withDb(async (client) => {
    ids.user = (
      await client.query<{ id: string }>(`select id from "User" where email = $1`, [canaryEmail])
    ).rows[0].id;
    await client.query(`update "User" set name = $2 where id = $1`, [ids.user, `Name ${token}`]);
    ids.email = (
      await client.query<{ id: string }>(
        `insert into "EmailOutbox" (id, template, "to", subject, html, text, "idempotencyKey")
         values ($1, 'password-reset', $2, $3, $4, $4, $1) returning id`,
        [
          `mail${Date.now()}`,
          canaryEmail,
          `Reset ${token}`,
          `Reset your password: http://localhost/reset-password?token=${token}`,
        ],
      )
    ).rows[0].id;
    await client.query(
      `insert into "Coupon" (id, code, kind, millicredits, "updatedAt") values ($1, $2, 'credits', 1000, now())`,
      [`coupon${Date.now()}`, token.toUpperCase()],
    );
    await client.query(
      `insert into "Payment" (id, "workspaceId", provider, description, "amountCents", status) values ($1, $2, 'local', $3, 4200, 'paid')`,
      [`payment${Date.now()}`, ids.workspace, `Credits ${token}`],
    );
  });
});

async function withDb<T>(fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The page URL with the canary's ids in its dynamic segments, so a leak would have data to show. */
function withIds(url: string) {
  if (url.startsWith("/admin/users/")) return `/admin/users/${ids.user}`;
  if (url.startsWith("/admin/workspaces/")) return `/admin/workspaces/${ids.workspace}`;
  if (url.startsWith("/admin/outbox/")) return `/admin/outbox/${ids.email}`;
  return url;
}

function expectNothingPrivate(body: string, what: string, ownEmail?: string) {
  expect(body, what).not.toContain(token);
  expect(body.toLowerCase(), what).not.toContain(token.toUpperCase().toLowerCase());
  const emails = [...new Set(body.match(EMAIL) ?? [])].filter((e) => e.toLowerCase() !== ownEmail);
  expect(emails, what).toEqual([]);
}

test("the canary is what an admin sees on the pages the crawl reads", async ({ page }) => {
  await signIn(page, demo.admin);
  for (const url of [
    "/admin/users",
    `/admin/users/${ids.user}`,
    `/admin/workspaces/${ids.workspace}`,
    `/admin/outbox/${ids.email}`,
    "/admin/coupons",
    "/admin/payments",
    "/admin/audit",
  ]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    expect((await res.text()).toLowerCase(), url).toContain(token.toLowerCase());
  }
});

test("a signed-in non-admin is refused every admin page, export and server action, sees none of their data, and nothing changes", async ({
  page,
}) => {
  await signIn(page, demo.ada);
  const before = await auditCount();
  for (const url of adminPages.map(withIds)) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(403);
    expectNothingPrivate(await res.text(), url, demo.ada.email);
  }
  for (const url of adminRoutes) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(403);
    expectNothingPrivate(await res.text(), url, demo.ada.email);
  }
  for (const action of adminActions) {
    const res = await callAction(page.request, action);
    expect(res.status(), action.name).toBe(403);
    expectNothingPrivate(await res.text(), action.name, demo.ada.email);
  }
  expect(await auditCount()).toBe(before);
});

test("a signed-out visitor is sent to sign in before any admin page renders, refused admin exports and actions, and sees no data", async ({
  request,
}) => {
  for (const url of adminPages.map(withIds)) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(307);
    expect(res.headers().location, url).toContain("/sign-in");
    expectNothingPrivate(await res.text(), url);
    // The RSC payload a client-side navigation asks for is refused the same way.
    const rsc = await request.get(url, { maxRedirects: 0, headers: { rsc: "1" } });
    expect(rsc.status(), `${url} (RSC)`).toBe(307);
    expectNothingPrivate(await rsc.text(), `${url} (RSC)`);
  }
  for (const url of adminRoutes) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(401);
    expectNothingPrivate(await res.text(), url);
  }
  for (const action of adminActions) {
    const res = await callAction(request, action);
    expect(res.status(), action.name).toBe(403);
    expectNothingPrivate(await res.text(), action.name);
  }
});

test("a server action posted from another origin is refused with 403, even for a signed-in admin", async ({
  page,
}) => {
  await signIn(page, demo.admin);
  const before = await auditCount();
  for (const action of adminActions.slice(0, 5)) {
    const res = await page.request.post(action.url, {
      headers: {
        "next-action": action.id,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: "https://evil.example",
      },
      data: JSON.stringify([{}, "$K1"]),
      maxRedirects: 0,
    });
    expect(res.status(), action.name).toBe(403);
  }
  expect(await auditCount()).toBe(before);
});
