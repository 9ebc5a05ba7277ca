import { describe, expect, it } from "vitest";
import { captureLogs } from "@/test/logs";
import { warnIfHostDisagrees } from "@/lib/http/host-check";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("defaults APP_URL to the port actually served, and drops a trailing slash", () => {
    expect(parseEnv({ PORT: "3011" }).APP_URL).toBe("http://localhost:3011");
    expect(parseEnv({ PORT: "3011", APP_URL: "" }).APP_URL).toBe("http://localhost:3011");
    expect(parseEnv({ PORT: "3011", APP_URL: "https://billing.example.com/" }).APP_URL).toBe(
      "https://billing.example.com",
    );
  });

  it("warns once when a request's host is not APP_URL's", () => {
    const logs = captureLogs();
    try {
      expect(warnIfHostDisagrees("localhost:3011", "http://localhost:3011")).toBe(false);
      expect(warnIfHostDisagrees("127.0.0.1:3011", "http://localhost:3011")).toBe(false);
      expect(warnIfHostDisagrees("billing.example.com", "http://localhost:3011")).toBe(true);
      expect(warnIfHostDisagrees("other.example.com", "http://localhost:3011")).toBe(false);
      expect(logs.lines()).toHaveLength(1);
      expect(logs.lines()[0]).toMatchObject({
        level: "warn",
        msg: expect.stringContaining("billing.example.com"),
      });
    } finally {
      logs.restore();
    }
  });

  it("names every invalid variable in one readable error", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url", APP_URL: "nope", AUTH_SECRET: "short" })).toThrowError(
      /DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL[\s\S]*APP_URL[\s\S]*AUTH_SECRET must be at least 32 characters/,
    );
  });

  it("treats empty optional provider variables as unset", () => {
    const env = parseEnv({ RESEND_API_KEY: "", GITHUB_CLIENT_ID: "  " });
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.GITHUB_CLIENT_ID).toBeUndefined();
  });

  it("reads the proxy's provider maps and checks BYOK encryption keys", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const env = parseEnv({
      PROVIDER_BASE_URLS: "openai=http://127.0.0.1:9000/v1, Groq=https://api.groq.com/openai/v1",
      PROVIDER_API_KEYS: "openai=sk-abc",
      BYOK_ENCRYPTION_KEYS: `v1:${key},v2:${key}`,
    });
    expect(env.PROVIDER_BASE_URLS).toEqual({
      openai: "http://127.0.0.1:9000/v1",
      groq: "https://api.groq.com/openai/v1",
    });
    expect(env.PROVIDER_API_KEYS).toEqual({ openai: "sk-abc" });
    expect(parseEnv({ PROVIDER_BASE_URLS: "" }).PROVIDER_BASE_URLS).toEqual({
      openai: "https://api.openai.com/v1",
    });
    expect(parseEnv({ BYOK_ENCRYPTION_KEYS: " " }).BYOK_ENCRYPTION_KEYS).toBeUndefined();
    expect(() => parseEnv({ BYOK_ENCRYPTION_KEYS: "v1:tooshort" })).toThrowError(
      /BYOK_ENCRYPTION_KEYS must be a comma-separated list/,
    );
    expect(() => parseEnv({ PROVIDER_BASE_URLS: "openai" })).toThrowError(
      /PROVIDER_BASE_URLS must look like/,
    );
  });
});
