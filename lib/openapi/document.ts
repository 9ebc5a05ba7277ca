import { z } from "zod";
import { openAiErrorSchema as providerErrorSchema } from "@/lib/proxy/schemas";
import {
  ERROR_CATALOG,
  errorBody,
  errorSchema,
  openAiErrorBody,
  openAiErrorSchema,
  type ErrorCode,
} from "./errors";
import { EXAMPLES } from "./examples";
import {
  COMMON_ERRORS,
  OPERATIONS,
  TAGS,
  type HeaderName,
  type HeaderUse,
  type OperationSpec,
} from "./operations";
import { codeSamples } from "./snippets";
import type {
  HeaderObject,
  JsonSchema,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  ResponseObject,
} from "./types";

// Builds the v1 API's OpenAPI 3.1 document from the zod schemas the handlers validate with (request
// bodies, as input) and the response schemas in ./responses (as output). OpenAPI 3.1 schemas are
// JSON Schema 2020-12, which is what z.toJSONSchema emits.

const SCHEMA_URI = (id: string) => `#/components/schemas/${id}`;
const PROVIDER_ERROR = { $ref: SCHEMA_URI("ProviderError") };

/** Named schemas to components: shared sub-schemas become $refs; $id/$schema dropped (the dialect is document-wide). */
function componentSchemas(
  entries: [string, z.ZodType][],
  io: "input" | "output",
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const seen = new Set<z.ZodType>();
  for (const [id, schema] of entries) {
    if (seen.has(schema)) continue;
    seen.add(schema);
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri: SCHEMA_URI });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const out = { ...schema };
  delete out.$id;
  delete out.$schema;
  return out;
}

const inline = (schema: z.ZodType, io: "input" | "output"): JsonSchema =>
  withoutDialect(z.toJSONSchema(schema, { target: "draft-2020-12", io }));

/** Adds the operation's field notes to the body schema's properties (the handler schemas carry no prose). */
function describeFields(schema: JsonSchema, fields: Record<string, string>): JsonSchema {
  const properties = schema.properties ?? {};
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, prop]) => [
        name,
        typeof prop === "object" && fields[name] ? { description: fields[name], ...prop } : prop,
      ]),
    ),
  };
}

const integerHeader = (description: string): HeaderObject => ({
  description,
  schema: { type: "integer", minimum: 0 },
});

const HEADERS: Record<HeaderName, HeaderObject> = {
  "X-RateLimit-Limit": integerHeader("Requests allowed per minute for this key (the tier's rate limit)."),
  "X-RateLimit-Remaining": integerHeader("Requests left in the current minute."),
  "X-RateLimit-Reset": integerHeader("When the current minute's window resets, in Unix seconds."),
  "X-Credits-Remaining": {
    description: "The credit balance after this call, in credits (decimal string).",
    schema: { type: "string", pattern: "^-?\\d+(\\.\\d{1,3})?$" },
  },
  "X-Quota-Limit": integerHeader("Daily quota units (subscription workspaces)."),
  "X-Quota-Remaining": integerHeader("Daily quota units left today."),
  "X-Quota-Reset": integerHeader("When the daily quota resets (00:00 UTC), in Unix seconds."),
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 1 } },
  "Idempotent-Replayed": {
    description:
      "true when this is the stored answer to an earlier call with the same Idempotency-Key; nothing was charged.",
    schema: { type: "string", enum: ["true"] },
  },
  "WWW-Authenticate": { description: "Bearer.", schema: { type: "string" } },
  Allow: { description: "The methods this path supports.", schema: { type: "string" } },
  "X-Request-Id": {
    description:
      "This request's id in Tollgate's logs: the X-Request-Id you sent (1 to 128 of A-Z a-z 0-9 . _ : @ -), else a new UUID. Quote it when asking about a call.",
    schema: { type: "string", minLength: 1, maxLength: 128 },
  },
};

const RATE: HeaderName[] = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

function headerRefs(uses: HeaderUse[]): ResponseObject["headers"] {
  return Object.fromEntries(
    uses.map(({ name, required }) => [
      name,
      required ? { ...HEADERS[name], required: true } : { $ref: `#/components/headers/${name}` },
    ]),
  );
}

/** Headers an error response carries: rate headers when the caller got that far, plus the status's own. */
function errorHeaders(op: OperationSpec, status: number, codes: ErrorCode[]): HeaderUse[] {
  const uses: HeaderUse[] = RATE.map((name) => ({ name, required: false }));
  if (status !== 405) uses.push({ name: "X-Request-Id", required: false });
  if (status === 401) uses.push({ name: "WWW-Authenticate", required: true });
  if (status === 405) uses.push({ name: "Allow", required: true });
  // The chat proxy's provider failures come after the hold, so they report the balance; a provider's
  // own 429 passes through without Retry-After.
  const openAi = op.errorStyle === "openai";
  const afterHold = openAi && status >= 500 && status !== 503;
  if (op.auth === "workspace" && ((status === 402 && codes.includes("insufficient_credits")) || afterHold))
    uses.push({ name: "X-Credits-Remaining", required: false });
  if (op.auth === "admin" && status === 429) uses.push({ name: "Retry-After", required: true });
  if (op.auth !== "admin" && status === 429) {
    uses.push({ name: "Retry-After", required: !openAi });
    if (codes.includes("quota_exceeded"))
      uses.push(
        ...(["X-Quota-Limit", "X-Quota-Remaining", "X-Quota-Reset"] as const).map((name) => ({
          name,
          required: false,
        })),
      );
  }
  return uses;
}

function errorResponses(op: OperationSpec): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  // Every path answers 405 for a method it lacks; every path with a body refuses one over 256 KB.
  // A malformed id in the path (NUL, %, over 128 characters) is 400 invalid_request.
  const edge: ErrorCode[] = [
    "method_not_allowed",
    ...(op.body ? (["payload_too_large"] as const) : []),
    ...(op.pathParams ? (["invalid_request"] as const) : []),
  ];
  for (const code of new Set([...op.errors, ...edge, ...COMMON_ERRORS[op.auth]])) {
    const { status } = ERROR_CATALOG[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const openAi = op.errorStyle === "openai";
  const responses: [string, ResponseObject][] = [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, codes]) => [
      String(status),
      {
        description: codes.map((c) => `${c}: ${ERROR_CATALOG[c].when}`).join(" "),
        headers: headerRefs(errorHeaders(op, status, codes)),
        content: {
          "application/json": {
            // The proxy also passes the provider's own errors through with the provider's status.
            schema: openAi
              ? { anyOf: [inline(openAiErrorSchema(codes), "output"), PROVIDER_ERROR] }
              : inline(errorSchema(codes), "output"),
            examples: Object.fromEntries(
              codes.map((c) => [
                c,
                { summary: ERROR_CATALOG[c].when, value: openAi ? openAiErrorBody(c) : errorBody(c) },
              ]),
            ),
          },
        },
      },
    ]);
  if (openAi) {
    responses.push([
      "default",
      {
        description:
          "The provider's own error, passed through with its status (the key Tollgate sent is redacted). Nothing is charged.",
        headers: headerRefs([
          ...RATE.map((name) => ({ name, required: false })),
          { name: "X-Request-Id", required: false },
          { name: "X-Credits-Remaining", required: false },
        ]),
        content: { "application/json": { schema: PROVIDER_ERROR } },
      },
    ]);
  }
  return Object.fromEntries(responses);
}

function parameters(op: OperationSpec): OperationObject["parameters"] {
  const out: OperationObject["parameters"] = Object.entries(op.pathParams ?? {}).map(
    ([name, { description, example }]): ParameterObject => ({
      name,
      in: "path",
      required: true,
      description,
      schema: { type: "string", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_.:~-]+$" },
      example,
    }),
  );
  for (const [name, schema] of Object.entries(op.query?.schema.shape ?? {})) {
    const json = inline(schema, "input");
    out.push({
      name,
      in: "query",
      required: false,
      description: op.query?.fields[name] ?? name,
      schema: json,
      ...(json.default !== undefined ? { example: String(json.default) } : {}),
    });
  }
  if (op.idempotencyKey) out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return out;
}

const SECURITY: Record<OperationSpec["auth"], OperationObject["security"]> = {
  admin: [{ adminKey: [] }],
  session: [{ workspaceKey: [] }, { sessionToken: [] }],
  workspace: [{ workspaceKey: [] }],
  public: [],
};

function operation(op: OperationSpec, serverUrl: string): OperationObject {
  const examples = EXAMPLES[op.id];
  const base: Omit<OperationObject, "x-codeSamples"> = {
    operationId: op.id,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    security: SECURITY[op.auth],
    parameters: parameters(op),
    ...(op.body && "request" in examples
      ? {
          requestBody: {
            required: true as const,
            content: {
              "application/json": { schema: { $ref: SCHEMA_URI(op.body.name) }, example: examples.request },
            },
          },
        }
      : {}),
    responses: {
      [String(op.success.status)]: {
        description: op.success.description,
        headers: headerRefs([
          // Public operations have no key to count calls against, hence no rate-limit headers.
          ...(op.auth === "public" ? [] : RATE.map((name) => ({ name, required: true }))),
          { name: "X-Request-Id", required: true },
          ...op.success.headers,
        ]),
        content: {
          "application/json": { schema: { $ref: SCHEMA_URI(op.success.name) }, example: examples.response },
          ...(op.success.stream
            ? {
                "text/event-stream": {
                  schema: {
                    type: "string",
                    description: `Server-sent events: data: lines of ${op.success.stream.name} JSON, then data: [DONE].`,
                  },
                },
              }
            : {}),
        },
      },
      ...errorResponses(op),
    },
  };
  return { ...base, "x-codeSamples": codeSamples(serverUrl, op.path, op.method, base) };
}

export function buildOpenApiDocument(serverUrl: string): OpenApiDocument {
  const requests = componentSchemas(
    OPERATIONS.flatMap((op) => (op.body ? [[op.body.name, op.body.schema] as [string, z.ZodType]] : [])),
    "input",
  );
  for (const op of OPERATIONS)
    if (op.body) requests[op.body.name] = describeFields(requests[op.body.name], op.body.fields);
  const responses = componentSchemas(
    [
      ...OPERATIONS.flatMap((op): [string, z.ZodType][] => [
        [op.success.name, op.success.schema],
        ...(op.success.stream
          ? [[op.success.stream.name, op.success.stream.schema] as [string, z.ZodType]]
          : []),
      ]),
      ["ProviderError", providerErrorSchema],
    ],
    "output",
  );

  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op, serverUrl) };

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Tollgate API",
      version: "1.0.0",
      description:
        'The v1 API your apps call on every request: may this workspace use this model now, and what does it cost? Amounts are integer millicredits beside decimal-string credits (1 credit = 1,000 millicredits = US$0.001). Errors are {"error": {"code", "message", ...details}}.',
    },
    servers: [{ url: serverUrl }],
    tags: TAGS.map((t) => ({ ...t })),
    paths,
    components: {
      schemas: { ...requests, ...responses },
      securitySchemes: {
        workspaceKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tg_…",
          description:
            "A workspace API key (tg_…), created on /dashboard/api-keys. Shown once; stored hashed.",
        },
        sessionToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tgs_…",
          description:
            "A customer session token (tgs_…, at most one hour, read-only) minted by the management API for an app's browser code; accepted by GET /me, /models, /models/{id} and /entitlements/{featureKey}, with CORS for the origins in ALLOWED_ORIGINS.",
        },
        adminKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tga_…",
          description:
            "An admin API key (tga_…) for the management API; TOLLGATE_ADMIN_API_KEY bootstraps one.",
        },
      },
      headers: HEADERS,
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Optional but recommended: a retry with the same key returns the first answer (Idempotent-Replayed: true) and charges nothing; the same key with a different body is 409 idempotency_key_reused. 1 to 255 printable ASCII characters; an empty, blank, longer or non-printable key is 400 invalid_request.",
          schema: {
            type: "string",
            minLength: 1,
            maxLength: 255,
            pattern: "^[\\x20-\\x7E]*[\\x21-\\x7E][\\x20-\\x7E]*$",
          },
          example: "job_123",
        },
      },
    },
  };
}
