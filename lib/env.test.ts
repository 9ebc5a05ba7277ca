import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.APP_URL).toBe("http://localhost:3000");
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
});
