import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idempotencyKey, MAX_BODY_BYTES, parseQuery, readJson } from "./body";
import { metadataSchema, quantity } from "./schemas";

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) =>
  new Request("http://localhost/api/v1/x", {
    method: "POST",
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

async function refusal(p: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, status: e.status };
    throw e;
  }
  throw new Error("expected a refusal");
}

const stream = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode('{"a":"'));
      for (let sent = 0; sent < bytes; sent += 64 * 1024) c.enqueue(new Uint8Array(64 * 1024).fill(97));
      c.enqueue(new TextEncoder().encode('"}'));
      c.close();
    },
  });

describe("readJson", () => {
  it("answers 400, not 500, when the client hangs up mid-body", async () => {
    const hangUp = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"model":"chat:'));
        c.error(new Error("aborted"));
      },
    });
    expect(await refusal(readJson(post(hangUp)))).toEqual({ code: "invalid_request", status: 400 });
  });

  it("reads JSON with or without a declared JSON type", async () => {
    expect(await readJson(post('{"a":[1,"x"]}'))).toEqual({ a: [1, "x"] });
    expect(await readJson(post('{"a":1}', { "content-type": "application/json; charset=utf-8" }))).toEqual({
      a: 1,
    });
    // Bytes carry no implied type (a string body would be text/plain, which is refused).
    expect(await readJson(post(new TextEncoder().encode('{"a":1}'), {}))).toEqual({ a: 1 });
  });

  it("413 past 256 KB, by Content-Length or by counting the stream", async () => {
    const big = JSON.stringify({ a: "x".repeat(MAX_BODY_BYTES) });
    expect(
      await refusal(
        readJson(post(big, { "content-type": "application/json", "content-length": String(big.length) })),
      ),
    ).toEqual({ code: "payload_too_large", status: 413 });
    expect(await refusal(readJson(post(stream(MAX_BODY_BYTES))))).toEqual({
      code: "payload_too_large",
      status: 413,
    });
    expect(
      await refusal(
        readJson(
          post(stream(MAX_BODY_BYTES), { "content-type": "application/json", "content-length": "12" }),
        ),
      ),
    ).toEqual({ code: "payload_too_large", status: 413 });
    expect(await readJson(post(stream(MAX_BODY_BYTES - 128 * 1024)))).toMatchObject({
      a: expect.any(String),
    });
  });

  it("400 for another content type, malformed JSON, invalid UTF-8, NUL, lone surrogates and deep nesting", async () => {
    const bad = [
      post("{}", { "content-type": "text/plain" }),
      post("{", {}),
      post(""),
      post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
      post('{"a":"x\\u0000"}'),
      post('{"a\\u0000":1}'),
      post('{"a":"\\ud800"}'),
      post('{"a":["\\udfff"]}'),
      post("[".repeat(10_000) + "]".repeat(10_000)),
    ];
    for (const req of bad)
      expect(await refusal(readJson(req))).toEqual({ code: "invalid_request", status: 400 });
  });
});

describe("idempotencyKey", () => {
  const withKey = (key?: string) =>
    new Request("http://localhost/", { headers: key === undefined ? {} : { "idempotency-key": key } });
  it("is null when absent and the key when valid", () => {
    expect(idempotencyKey(withKey())).toBeNull();
    expect(idempotencyKey(withKey("order-42"))).toBe("order-42");
  });
  it("400 when present but empty, blank, too long or not printable ASCII", async () => {
    for (const key of ["", "   ", "k".repeat(256), "a\tb", "a\u0001", "clé"])
      expect(await refusal(() => idempotencyKey(withKey(key)))).toEqual({
        code: "invalid_request",
        status: 400,
      });
  });
});

describe("parseQuery", () => {
  const schema = z.object({ page: z.coerce.number().int().min(1).default(1) });
  it("refuses NUL in any parameter, even one the schema ignores", async () => {
    expect(parseQuery(new Request("http://localhost/?page=2&other=x"), schema)).toEqual({ page: 2 });
    expect(await refusal(() => parseQuery(new Request("http://localhost/?filter=a%00b"), schema))).toEqual({
      code: "invalid_request",
      status: 400,
    });
    expect(await refusal(() => parseQuery(new Request("http://localhost/?page=1e308"), schema))).toEqual({
      code: "invalid_request",
      status: 400,
    });
  });
});

describe("shared schemas", () => {
  it("metadata: at most 10 levels deep and 16 KB as JSON", () => {
    const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
    expect(metadataSchema.safeParse(deep(10)).success).toBe(true);
    expect(metadataSchema.safeParse(deep(11)).success).toBe(false);
    expect(metadataSchema.safeParse({ blob: "x".repeat(16 * 1024 - 20) }).success).toBe(true);
    expect(metadataSchema.safeParse({ blob: "x".repeat(16 * 1024) }).success).toBe(false);
    expect(metadataSchema.safeParse([1]).success).toBe(false);
    expect(metadataSchema.safeParse({ ["k".repeat(200)]: 1 }).success).toBe(true);
    expect(metadataSchema.safeParse({ ["k".repeat(201)]: 1 }).success).toBe(false);
  });
  it("quantity: whole numbers from 0 to 10^9", () => {
    for (const ok of [0, 1, 1e9]) expect(quantity.safeParse(ok).success).toBe(true);
    for (const bad of [-1, 1.5, 2 ** 31, 2 ** 53, 1e308, "12", Infinity, NaN])
      expect(quantity.safeParse(bad).success, String(bad)).toBe(false);
  });
});
