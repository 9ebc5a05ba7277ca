import { expect, it } from "vitest";
import { getPublicCatalog } from "@/lib/catalog/public";
import { db } from "@/lib/db";
import { GET, OPTIONS, POST } from "./route";

// The public price list: no key, any origin, and always what /pricing renders (the same function).

const get = (headers: Record<string, string> = {}) =>
  GET(new Request("http://localhost/api/v1/pricing", { headers }));

it("answers without a key, from any origin, with exactly the catalog /pricing renders", async () => {
  const res = await get({ origin: "https://some-app.example" });
  expect(res.status).toBe(200);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
  expect(res.headers.get("x-request-id")).toBeTruthy();
  const body = (await res.json()) as Awaited<ReturnType<typeof getPublicCatalog>>;
  // Everything but the moment each was read.
  expect({ ...body, asOf: "read" }).toEqual({
    ...JSON.parse(JSON.stringify(await getPublicCatalog())),
    asOf: "read",
  });
  expect(Date.parse(body.asOf!)).toBeGreaterThan(Date.now() - 60_000);
  expect(body.tiers.map((t) => t.code)).toEqual(expect.arrayContaining(["free", "starter", "pro"]));
  const standard = body.apps.flatMap((a) => a.models).find((m) => m.key === "poster-editor:inpaint-pro");
  expect(standard?.requiredTier).toBe("pro");
  expect(body.packs.length).toBeGreaterThan(0);
});

it("follows an admin's change to the catalog", async () => {
  const pack = await db.creditPack.findFirstOrThrow({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
  });
  try {
    await db.creditPack.update({ where: { id: pack.id }, data: { priceCents: pack.priceCents + 123 } });
    const body = (await (await get()).json()) as { packs: { code: string; priceCents: number }[] };
    expect(body.packs.find((p) => p.code === pack.code)?.priceCents).toBe(pack.priceCents + 123);
  } finally {
    await db.creditPack.update({ where: { id: pack.id }, data: { priceCents: pack.priceCents } });
  }
});

it("is read-only: other methods are 405 JSON, a preflight is allowed from anywhere", async () => {
  const post = await POST(new Request("http://localhost/api/v1/pricing", { method: "POST", body: "{}" }));
  expect(post.status).toBe(405);
  expect(((await post.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  const preflight = await OPTIONS(
    new Request("http://localhost/api/v1/pricing", {
      method: "OPTIONS",
      headers: { origin: "https://some-app.example", "access-control-request-method": "GET" },
    }),
  );
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
});
