import type { z } from "zod";
import { InvalidRequestError } from "@/lib/metering/errors";
import { PayloadTooLargeError } from "./errors";
import { findDirty, isValidIdempotencyKey } from "./hygiene";

// Reading a request at the API edge (SPEC §8.1): size, content type, JSON, string hygiene, then the
// handler's zod schema. Everything refused here is a 4xx; nothing unread reaches the domain.

export const MAX_BODY_BYTES = 256 * 1024;

function isJsonContentType(value: string | null) {
  // No content type at all is read as JSON (curl and many SDKs); a declared other type is refused.
  if (value === null || value.trim() === "") return true;
  const type = value.split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The body's bytes, refusing (413) past the limit by Content-Length or by counting the stream. */
async function readBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit)
    throw new PayloadTooLargeError(limit);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A client that hangs up mid-body gets nothing; answering 400 keeps it out of the error log.
    const { done, value } = await reader.read().catch(() => {
      throw new InvalidRequestError("The request body could not be read to its end.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The request's JSON body, checked for size, type, encoding, NUL, lone surrogates and depth. */
export async function readJson(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type")))
    throw new InvalidRequestError("The body must be JSON (Content-Type: application/json).");
  const bytes = await readBytes(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidRequestError("The body must be JSON.");
  }
  const dirty = findDirty(value);
  if (dirty?.problem === "depth")
    throw new InvalidRequestError("The body is nested too deeply.", [
      { code: "too_deep", path: dirty.path.slice(0, 12), message: "Nested too deeply." },
    ]);
  if (dirty)
    throw new InvalidRequestError("Strings must not contain NUL characters or unpaired surrogates.", [
      { code: "invalid_string", path: dirty.path, message: "NUL or unpaired surrogate." },
    ]);
  return value;
}

/** readJson, then the schema: 400 invalid_request with the zod issues when it does not fit. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) throw new InvalidRequestError("The request body is invalid.", parsed.error.issues);
  return parsed.data;
}

/** The query string through a schema; unclean values are refused before the schema sees them. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const dirty = findDirty(params);
  if (dirty)
    throw new InvalidRequestError(
      "Query parameters must not contain NUL characters or unpaired surrogates.",
      [{ code: "invalid_string", path: dirty.path, message: "NUL or unpaired surrogate." }],
    );
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new InvalidRequestError("Invalid query parameters.", parsed.error.issues);
  return parsed.data;
}

/** The Idempotency-Key header: null when absent; 400 when empty, blank, over 255 or not printable ASCII. */
export function idempotencyKey(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (!isValidIdempotencyKey(key))
    throw new InvalidRequestError(
      "Idempotency-Key must be 1 to 255 printable ASCII characters and not blank.",
    );
  return key;
}
