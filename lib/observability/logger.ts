import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

// The one logger: JSON lines on stdout (pino), at LOG_LEVEL. Lines written while a request is being
// handled carry its request id and, once known, its workspace id (set through the request context
// below). Secrets never leave: the paths below are censored wherever they appear in a logged object.

export type LogContext = { requestId?: string; workspaceId?: string; route?: string };

const context = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `ctx` on every line logged inside it (the v1 API edge sets the request id). */
export const withLogContext = <T>(ctx: LogContext, fn: () => T): T => context.run(ctx, fn);

/** The current request's context (mutable: the edge adds the workspace once the key is known). */
export const logContext = (): LogContext | undefined => context.getStore();

const SECRET_KEYS = [
  "authorization",
  "Authorization",
  "apiKey",
  "api_key",
  "password",
  "token",
  "secret",
  "cookie",
  "card",
  "cardNumber",
  "cvc",
  "cvv",
];

export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  'headers["authorization"]',
  'req.headers["authorization"]',
  'req.headers["cookie"]',
];

/** Where lines go. Tests spy on `write` to read what was logged. */
export const logSink = { write: (line: string) => void process.stdout.write(line) };

function create(redact: boolean): Logger {
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { service: "tollgate" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      ...(redact ? { redact: { paths: REDACTED_PATHS, censor: "[redacted]" } } : {}),
      mixin: () => ({ ...context.getStore() }),
    },
    { write: (line: string) => logSink.write(line) },
  );
}

// Created on first use, once per process (every route bundle shares it).
const globalForLog = globalThis as unknown as { tollgateLogger?: Logger; tollgateAccessLogger?: Logger };
const base = () => (globalForLog.tollgateLogger ??= create(true));
// The access line's fields are fixed and never secret: it skips the redaction pass, which walked
// every line for the paths above and cost more than the rest of the line on the metering path.
const accessLogger = () => (globalForLog.tollgateAccessLogger ??= create(false));

type AccessFields = Record<string, string | number | undefined>;
type LogFn = (msgOrObj: unknown, ...rest: unknown[]) => void;

// An Error as the first argument is logged under `err` (stack included) by pino's serializer.
const level =
  (name: "debug" | "info" | "warn" | "error" | "fatal"): LogFn =>
  (msgOrObj, ...rest) =>
    (base()[name] as (...a: unknown[]) => void)(msgOrObj, ...rest);

/** The logger: `log.error({ err, workspaceId }, "what failed")` or `log.info("message")`. */
export const log = {
  debug: level("debug"),
  info: level("info"),
  warn: level("warn"),
  error: level("error"),
  fatal: level("fatal"),
  /** One API request's access line (lib/observability/api-edge): only the fields it is given, never secrets. */
  access: (fields: AccessFields, msg: string) => accessLogger().info(fields, msg),
  /** Whether lines of `name` are written at the configured level (skip building costly objects). */
  enabled: (name: "debug" | "info") => base().isLevelEnabled(name),
};
