import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { safeRedirectPath, safeRedirectUrl } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirectPath("/dashboard/billing?tab=invoices#top")).toBe(
      "/dashboard/billing?tab=invoices#top",
    );
    expect(safeRedirectPath("/invite?token=abc.def")).toBe("/invite?token=abc.def");
  });

  it.each([
    "/%5Cevil.example/x",
    "/\\evil.example/x",
    "/\\evil",
    "//evil.example",
    "/%2F/evil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "https://evil.example/x",
    `${env.APP_URL}/dashboard`, // absolute, even our own: the form only ever sends paths
    "dashboard",
    "",
    "/%E0%A4%A",
  ])("refuses %j and falls back to /dashboard", (raw) => {
    expect(safeRedirectPath(raw)).toBe("/dashboard");
  });

  it("refuses non-strings and uses the caller's fallback", () => {
    expect(safeRedirectPath(undefined)).toBe("/dashboard");
    expect(safeRedirectPath(["/a"], "")).toBe("");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = env.APP_URL;
  it("accepts a same-origin absolute URL or path and refuses other origins", () => {
    expect(safeRedirectUrl(`${base}/dashboard/usage`, base)).toBe(`${base}/dashboard/usage`);
    expect(safeRedirectUrl("/", base)).toBe(`${base}/`);
    expect(safeRedirectUrl("https://evil.example/", base)).toBe(`${base}/dashboard`);
    expect(safeRedirectUrl("/\\evil.example", base)).toBe(`${base}/dashboard`);
    expect(safeRedirectUrl(`${base}/%5Cevil.example/x`, base)).toBe(`${base}/dashboard`);
  });
});
