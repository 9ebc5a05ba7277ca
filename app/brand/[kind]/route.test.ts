import { afterAll, expect, it } from "vitest";
import { saveBrandAsset } from "@/lib/branding/assets";
import { db } from "@/lib/db";
import { createUser } from "@/test/factories";
import { GET } from "./route";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const get = (path: string, headers: Record<string, string> = {}) => {
  const url = new URL(path, "http://localhost");
  const kind = url.pathname.split("/").pop()!;
  return GET(new Request(url, { headers }), { params: Promise.resolve({ kind }) });
};

afterAll(() => db.brandAsset.deleteMany());

it("serves the uploaded logo with its type, an ETag, a year's cache when versioned, and 304 when unchanged", async () => {
  await db.brandAsset.deleteMany();
  expect((await get("/brand/logo")).status).toBe(404);
  expect((await get("/brand/banner")).status).toBe(404);

  const user = await createUser({ role: "admin" });
  const version = await saveBrandAsset({ id: user.id, email: user.email }, "logo", PNG);
  const res = await get(`/brand/logo?v=${version}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  expect(res.headers.get("cache-control")).toContain("immutable");
  expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  const etag = res.headers.get("etag")!;
  expect((await get("/brand/logo", { "if-none-match": etag })).status).toBe(304);
  // An old or missing version is revalidated rather than cached for a year.
  expect((await get("/brand/logo?v=stale")).headers.get("cache-control")).toContain("must-revalidate");
});

it("serves a generated favicon until one is uploaded", async () => {
  const res = await get("/brand/favicon");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/svg+xml");
  expect(await res.text()).toMatch(/<svg[^>]*>.*<text[^>]*>D<\/text><\/svg>$/);
});
