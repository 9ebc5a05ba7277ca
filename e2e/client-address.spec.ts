import pg from "pg";
import { E2E_DB_URL, expect, freshSignInWindow, test, uniqueEmail } from "./support";

// The per-address sign-in limit holds however the client rewrites X-Forwarded-For (or the header
// the server in front of Next sets): the server takes the socket address (TRUSTED_PROXY_HOPS=0).
// The e2e server allows 40 failed attempts per address (scripts/e2e-server.ts).
const LIMIT = 40;

async function addressKeys() {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select distinct key from "RateLimitHit" where key like 'signin:ip:%'`,
    );
    return rows.map((r: { key: string }) => r.key);
  } finally {
    await client.end();
  }
}

async function clearAddressLimits() {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    await client.query(`delete from "RateLimitHit" where key like 'signin:%'`);
  } finally {
    await client.end();
  }
}

test.afterEach(clearAddressLimits);

test("rotating X-Forwarded-For does not get around the per-address sign-in limit", async ({ request }) => {
  await clearAddressLimits();
  await freshSignInWindow();
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const errors: string[] = [];
  for (let i = 0; i <= LIMIT; i++) {
    const spoofed = `203.0.113.${i % 250}`;
    const res = await request.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-for": spoofed, "x-real-ip": spoofed, "x-tollgate-client-ip": spoofed },
      form: { email: uniqueEmail(`spoof-${i}`), password: "a guessed password", csrfToken, json: "true" },
    });
    const { url } = (await res.json()) as { url: string };
    errors.push(new URL(url).searchParams.get("error") ?? "");
  }
  expect(errors.slice(0, LIMIT).every((e) => e === "Wrong email or password.")).toBe(true);
  expect(errors[LIMIT]).toMatch(/Too many sign-in attempts/);
  // Counted under the real (loopback) socket address, not a spoofed one and not "unknown".
  expect(await addressKeys()).toEqual([expect.stringMatching(/^signin:ip:(127\.0\.0\.1|::1)$/)]);
});
