import type { JsonSchema, OpenApiDocument } from "@/lib/openapi/types";

// Reads the document's JSON Schemas into rows for the docs page: a field's name, type, whether it
// is required, its constraints and its description.

export type FieldRow = {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  constraints: string[];
};

const SAFE = Number.MAX_SAFE_INTEGER;

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
  return ref
    ? { ...doc.components.schemas[ref], ...(schema.description ? { description: schema.description } : {}) }
    : schema;
}

const asSchema = (s: unknown): JsonSchema => (typeof s === "object" && s !== null ? (s as JsonSchema) : {});

export function typeLabel(doc: OpenApiDocument, raw: JsonSchema): string {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(doc, v)).join(" | ");
  if (schema.type === "array") return `${typeLabel(doc, asSchema(schema.items))}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "object" && !schema.properties && schema.additionalProperties !== false)
    return "object";
  return schema.type ?? (schema.properties ? "object" : "any");
}

export function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined && schema.minimum > -SAFE) out.push(`min ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < SAFE) out.push(`max ${schema.maximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`${schema.minLength}+ characters`);
  if (schema.maxLength !== undefined) out.push(`up to ${schema.maxLength} characters`);
  if (schema.minItems !== undefined && schema.minItems > 0) out.push(`at least ${schema.minItems}`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The object's properties as rows; arrays of objects and nested objects are listed one level down. */
export function fieldRows(doc: OpenApiDocument, raw: JsonSchema, prefix = "", depth = 0): FieldRow[] {
  const schema = resolve(doc, raw);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const field = resolve(doc, asSchema(prop));
    const row: FieldRow = {
      name: prefix + name,
      type: typeLabel(doc, field),
      required: required.has(name),
      description: field.description,
      constraints: constraints(field),
    };
    if (depth > 0) return [row];
    const items = field.type === "array" ? resolve(doc, asSchema(field.items)) : null;
    if (items?.properties) return [row, ...fieldRows(doc, items, `${prefix}${name}[].`, depth + 1)];
    return [row];
  });
}
