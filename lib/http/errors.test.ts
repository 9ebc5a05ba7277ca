import { describe, expect, it } from "vitest";
import { captureLogs } from "@/test/logs";
import { env } from "@/lib/env";
import { AppError, RateLimitedError } from "@/lib/errors";
import { InsufficientCreditsError, InvalidApiKeyError, QuotaExceededError } from "@/lib/metering/errors";
import { ERROR_CATALOG } from "@/lib/openapi/errors";
import { API_ERROR_CODES, API_ERROR_STATUS, errorResponse, MethodNotAllowedError } from "./errors";

describe("the closed list of API error codes", () => {
  it("is what the OpenAPI document publishes, each example with the code's one status", () => {
    expect(Object.keys(ERROR_CATALOG).sort()).toEqual([...API_ERROR_CODES].sort());
    for (const code of API_ERROR_CODES) {
      const entry = ERROR_CATALOG[code];
      expect(entry.status, code).toBe(API_ERROR_STATUS[code]);
      expect(entry.example.code, code).toBe(code);
      expect(entry.example.status, code).toBe(API_ERROR_STATUS[code]);
    }
  });

  it("answers {error: {code, message, ...details}} with the error's own headers", async () => {
    const res = errorResponse(new InsufficientCreditsError(24_000n, 20_000n), { "X-RateLimit-Limit": "60" });
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual({
      error: {
        code: "insufficient_credits",
        message: expect.any(String),
        requiredMillicredits: 24_000,
        balanceMillicredits: 20_000,
        buyCreditsUrl: `${env.APP_URL}/dashboard/credits`,
      },
    });
    expect(res.headers.get("x-credits-remaining")).toBe("20");
    expect(res.headers.get("x-ratelimit-limit")).toBe("60");
    const method = errorResponse(new MethodNotAllowedError("DELETE", ["GET"]));
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET");
    expect(errorResponse(new InvalidApiKeyError()).headers.get("www-authenticate")).toBe("Bearer");
  });

  it("gives every 429 a Retry-After: rate limits (one class, sign-in's too) and the daily quota", () => {
    const rate = errorResponse(new RateLimitedError(7, "Too many sign-in attempts."));
    expect([rate.status, rate.headers.get("retry-after")]).toEqual([429, "7"]);
    const reset = new Date(Date.now() + 90_000);
    const quota = errorResponse(new QuotaExceededError(reset, { used: 50, limit: 50, resetsAt: reset }));
    expect(quota.status).toBe(429);
    expect(Number(quota.headers.get("retry-after"))).toBeGreaterThanOrEqual(89);
    expect(quota.headers.get("x-quota-remaining")).toBe("0");
  });

  it("answers 500 internal_error for anything outside the list, and logs it", async () => {
    const logs = captureLogs();
    for (const e of [
      new Error("boom"),
      new AppError("coupon_refused", "No.", 400),
      new AppError("invalid_request", "wrong status", 418),
    ]) {
      const res = errorResponse(e);
      expect(res.status).toBe(500);
      expect((await res.json()).error.code).toBe("internal_error");
    }
    logs.restore();
    expect(logs.lines().map((l) => [l.level, l.msg])).toEqual([
      ["error", "Unexpected API error"],
      ["error", "API error outside the closed list: coupon_refused (400)"],
      ["error", "API error outside the closed list: invalid_request (418)"],
    ]);
    expect(logs.lines()[0].err?.message).toBe("boom");
  });
});

describe("methods a route does not serve", () => {
  it("405 JSON with Allow for each, and OPTIONS answers the true Allow", async () => {
    const routes = await Promise.all([
      import("@/app/api/v1/usage/route"),
      import("@/app/api/v1/me/route"),
      import("@/app/api/v1/admin/workspaces/[id]/subscription/route"),
      import("@/app/api/v1/chat/completions/route"),
    ]);
    const allowed = ["POST", "GET", "PUT", "POST"];
    for (const [i, mod] of routes.entries()) {
      const handlers = mod as unknown as Record<string, (req: Request) => Promise<Response>>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => m !== allowed[i])) {
        const res = await handlers[method](new Request("http://localhost/api/v1/x", { method }));
        expect(res.status, `${allowed[i]} route, ${method}`).toBe(405);
        expect(res.headers.get("allow")).toBe(allowed[i]);
        expect(JSON.stringify(await res.json())).toContain("method_not_allowed");
      }
      const options = await handlers.OPTIONS(new Request("http://localhost/api/v1/x", { method: "OPTIONS" }));
      expect([options.status, options.headers.get("allow")]).toEqual([204, `${allowed[i]}, OPTIONS`]);
    }
  });

  it("404 JSON for any path under /api/v1 that names no route", async () => {
    const unknown = (await import("@/app/api/v1/[...path]/route")) as unknown as Record<
      string,
      () => Promise<Response>
    >;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const res = await unknown[method]();
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });
});
