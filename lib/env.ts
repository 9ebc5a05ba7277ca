import "server-only";
import { z } from "zod";

// Every environment variable Tollgate reads, validated once. `.env.example` documents each.
const optional = z.string().trim().min(1).optional().catch(undefined);

// "name=value,name=value" (e.g. PROVIDER_BASE_URLS=openai=https://api.openai.com/v1) as a map.
function providerMap(what: string, check: (value: string) => boolean, example: string) {
  return z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const map: Record<string, string> = {};
      for (const part of raw
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = part.indexOf("=");
        const name = part.slice(0, at).trim().toLowerCase();
        const value = part.slice(at + 1).trim();
        if (at <= 0 || !/^[a-z0-9_-]+$/.test(name) || !check(value)) {
          ctx.addIssue({ code: "custom", message: `${what} must look like ${example}` });
          return z.NEVER;
        }
        map[name] = value;
      }
      return map;
    });
}

// An empty variable (VAR= in a .env file) counts as unset, so its default applies.
const blankAsUnset = <S extends z.ZodType>(inner: S) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), inner);

const isHttpUrl = (v: string) => /^https?:\/\/[^\s,]+$/.test(v);

// BYOK_ENCRYPTION_KEYS: "v1:<base64 of 32 bytes>,v2:<…>"; the highest version encrypts (lib/byok/crypto.ts).
const byokKeys = z
  .string()
  .trim()
  .refine(
    (raw) =>
      raw.split(",").every((part) => {
        const m = /^v(\d{1,6}):([A-Za-z0-9+/_-]+={0,2})$/.exec(part.trim());
        return m !== null && Buffer.from(m[2], "base64").length === 32;
      }),
    "BYOK_ENCRYPTION_KEYS must be a comma-separated list like v1:<base64 of 32 random bytes> (openssl rand -base64 32)",
  );

const fields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_PHASE: z.string().optional(),
  // Bootstraps an admin API key (tga_...) for the management API.
  TOLLGATE_ADMIN_API_KEY: z
    .string()
    .regex(
      /^tga_[A-Za-z0-9_-]{16,}$/,
      "TOLLGATE_ADMIN_API_KEY must look like tga_ followed by at least 16 characters",
    )
    .optional(),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL").optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EMBEDDED_PG_DIR: z.string().default(".data/pg"),
  // Unset: http://localhost:<PORT>, the port actually served (see withAppUrl).
  APP_URL: blankAsUnset(
    z.string().url("APP_URL must be an absolute URL such as http://localhost:3000").optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  // Point the Stripe SDK elsewhere (tests use a local stand-in).
  STRIPE_API_HOST: optional,
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  RESEND_API_KEY: optional,
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Tollgate <noreply@tollgate.local>"),
  SIGNIN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().positive().default(5),
  SIGNIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(20),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  // Reverse proxies in front of the app whose X-Forwarded-For entries are trusted: 0 (default)
  // uses the socket address; N takes the address N hops from the right of X-Forwarded-For + socket.
  TRUSTED_PROXY_HOPS: blankAsUnset(
    z.coerce.number().int("TRUSTED_PROXY_HOPS must be a whole number").min(0).max(10).default(0),
  ),
  // Background jobs (pg-boss): run the workers inside the app process (default), or set false and
  // run `npm run worker` processes instead. Seconds between a worker's polls for new jobs.
  JOBS_IN_PROCESS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  // The most credits one grant by a support-role admin may add (owners have no limit).
  SUPPORT_CREDIT_GRANT_LIMIT: z.coerce.number().int().min(0).max(1_000_000_000).default(10_000),
  // Bring your own key: encryption keys for stored provider keys, and the OpenAI-compatible proxy's
  // upstreams (base URL per provider) and the platform's own provider keys.
  BYOK_ENCRYPTION_KEYS: blankAsUnset(byokKeys.optional()),
  PROVIDER_BASE_URLS: blankAsUnset(
    providerMap("PROVIDER_BASE_URLS", isHttpUrl, "openai=https://api.openai.com/v1,other=https://…").default({
      openai: "https://api.openai.com/v1",
    }),
  ),
  PROVIDER_API_KEYS: blankAsUnset(
    providerMap("PROVIDER_API_KEYS", (v) => v.length > 0 && !/\s/.test(v), "openai=sk-…").default({}),
  ),
  // Browser origins allowed to call the read-only v1 routes with a customer session token (CORS):
  // comma-separated, e.g. https://app.example.com,http://localhost:5173. Unset: no cross-origin access.
  ALLOWED_ORIGINS: blankAsUnset(
    z
      .string()
      .trim()
      .transform((raw, ctx) => {
        const origins = raw
          .split(",")
          .map((o) => o.trim().replace(/\/+$/, "").toLowerCase())
          .filter(Boolean);
        if (!origins.every((o) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/.test(o))) {
          ctx.addIssue({
            code: "custom",
            message: "ALLOWED_ORIGINS must be origins like https://app.example.com,http://localhost:5173",
          });
          return z.NEVER;
        }
        return origins;
      })
      .default([]),
  ),
  // How long the chat proxy waits for a provider's answer (its headers; a whole non-streamed body) before 504.
  UPSTREAM_TIMEOUT_MS: blankAsUnset(z.coerce.number().int().min(100).max(3_600_000).default(120_000)),
  // How long a started stream may go without a byte from the provider before the proxy ends it.
  UPSTREAM_IDLE_TIMEOUT_MS: blankAsUnset(z.coerce.number().int().min(100).max(3_600_000).default(30_000)),
  // Outgoing webhooks may target private network addresses (localhost, 10.x, …): default only outside production.
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  // Observability: JSON log level; a bearer token Prometheus may scrape /api/metrics with (an admin
  // API key works too); OpenTelemetry traces go to this OTLP endpoint when set (instrumentation.ts).
  LOG_LEVEL: blankAsUnset(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  METRICS_TOKEN: blankAsUnset(
    z
      .string()
      .trim()
      .min(16, "METRICS_TOKEN must be at least 16 characters (openssl rand -hex 24)")
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: blankAsUnset(z.string().url().optional()),
  OTEL_SERVICE_NAME: blankAsUnset(z.string().trim().min(1).default("tollgate")),
  SEED_ADMIN_EMAIL: z.string().email().default("admin@tollgate.local"),
  SEED_ADMIN_PASSWORD: z.string().min(8).default("tollgate-admin"),
});

// Every absolute link (emails, auth callbacks, refusal bodies) is APP_URL + path: no trailing slash.
const schema = fields.transform((e) => ({
  ...e,
  APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
}));

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

export function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.",
    );
  }
  return env.DATABASE_URL;
}

export const oauthProviders = {
  github: Boolean(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET),
  google: Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET),
};
