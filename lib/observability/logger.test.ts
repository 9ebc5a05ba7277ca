import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { captureLogs } from "@/test/logs";
import { log, withLogContext } from "./logger";

describe("the logger", () => {
  it("writes JSON lines with the request's id and workspace, and never a secret", () => {
    const logs = captureLogs();
    try {
      withLogContext({ requestId: "req-1", workspaceId: "ws_1" }, () =>
        log.warn(
          {
            headers: { authorization: "Bearer tg_live_secret", "content-type": "application/json" },
            apiKey: "tg_live_secret",
            user: { email: "ada@example.com", password: "hunter2-hunter2" },
            token: "reset-token-secret",
            card: { number: "4242424242424242", cvc: "123" },
          },
          "something to look at",
        ),
      );
      log.error(new Error("boom"), "failed outside a request");
    } finally {
      logs.restore();
    }
    const [line, error] = logs.lines();
    expect(line).toMatchObject({
      level: "warn",
      msg: "something to look at",
      requestId: "req-1",
      workspaceId: "ws_1",
      service: "tollgate",
      headers: { authorization: "[redacted]", "content-type": "application/json" },
      apiKey: "[redacted]",
      user: { email: "ada@example.com", password: "[redacted]" },
      token: "[redacted]",
      card: "[redacted]",
    });
    expect(typeof line.time).toBe("string");
    for (const secret of ["tg_live_secret", "hunter2", "reset-token-secret", "4242", "cvc"])
      expect(logs.text()).not.toContain(secret);
    expect(error).toMatchObject({
      level: "error",
      msg: "failed outside a request",
      err: { message: "boom" },
    });
    expect(error.requestId).toBeUndefined();
  });

  it("writes the access line at info with its fields and the request's context", () => {
    // The access logger is made on first use at LOG_LEVEL (warn in tests): make it at info here.
    const global = globalThis as { tollgateAccessLogger?: unknown };
    const level = env.LOG_LEVEL;
    env.LOG_LEVEL = "info";
    global.tollgateAccessLogger = undefined;
    const logs = captureLogs();
    try {
      withLogContext({ requestId: "req-2", workspaceId: "ws_2" }, () =>
        log.access(
          { method: "POST", route: "/api/v1/usage", status: 200, code: "ok", ms: 1.5 },
          "api request",
        ),
      );
    } finally {
      logs.restore();
      env.LOG_LEVEL = level;
      global.tollgateAccessLogger = undefined;
    }
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "api request",
        service: "tollgate",
        requestId: "req-2",
        workspaceId: "ws_2",
        method: "POST",
        route: "/api/v1/usage",
        status: 200,
        code: "ok",
        ms: 1.5,
      }),
    ]);
  });

  it("drops lines below LOG_LEVEL (warn in tests)", () => {
    const logs = captureLogs();
    log.info("not written");
    log.debug("not written either");
    logs.restore();
    expect(logs.lines()).toEqual([]);
  });
});
