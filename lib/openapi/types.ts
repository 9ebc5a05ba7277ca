import type { z } from "zod";

// The slice of OpenAPI 3.1 this API's document uses (https://spec.openapis.org/oas/v3.1.0).

export type JsonSchema = z.core.JSONSchema.JSONSchema;

export type HeaderObject = { description: string; required?: boolean; schema: JsonSchema };

export type ParameterObject = {
  name: string;
  in: "path" | "query" | "header";
  description: string;
  required: boolean;
  schema: JsonSchema;
  example?: string;
};

export type MediaTypeObject = {
  schema: JsonSchema;
  example?: unknown;
  examples?: Record<string, { summary: string; value: unknown }>;
};

export type ResponseObject = {
  description: string;
  headers?: Record<string, HeaderObject | { $ref: string }>;
  content: { "application/json": MediaTypeObject; "text/event-stream"?: MediaTypeObject };
};

export type CodeSample = { lang: "curl" | "javascript" | "python"; label: string; source: string };

export type OperationObject = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: (ParameterObject | { $ref: string })[];
  requestBody?: { required: true; content: { "application/json": MediaTypeObject } };
  responses: Record<string, ResponseObject>;
  "x-codeSamples": CodeSample[];
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<"get" | "post" | "put", OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<
      string,
      { type: "http"; scheme: "bearer"; bearerFormat: string; description: string }
    >;
    headers: Record<string, HeaderObject>;
    parameters: Record<string, ParameterObject>;
  };
};
