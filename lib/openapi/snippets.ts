import type { CodeSample, OperationObject, ParameterObject } from "./types";

// curl, JavaScript (fetch) and Python (requests) for an operation, generated from the document's
// own operation: its method, path, parameter examples, security scheme and request body example.

type Request = {
  method: string;
  url: string;
  keyVar: string | null;
  headers: [string, string][];
  body?: unknown;
};

const isParameter = (p: OperationObject["parameters"][number]): p is ParameterObject => "in" in p;

function describeRequest(
  serverUrl: string,
  path: string,
  method: string,
  op: Omit<OperationObject, "x-codeSamples">,
): Request {
  const params = op.parameters.filter(isParameter);
  let url = serverUrl.replace(/\/$/, "") + path;
  for (const p of params.filter((p) => p.in === "path"))
    url = url.replace(`{${p.name}}`, encodeURIComponent(p.example ?? p.name));
  const query = params
    .filter((p) => p.in === "query" && p.example !== undefined)
    .map((p) => `${p.name}=${encodeURIComponent(p.example ?? "")}`);
  if (query.length) url += `?${query.join("&")}`;
  const keyVar = !op.security.length
    ? null
    : "adminKey" in op.security[0]
      ? "TOLLGATE_ADMIN_API_KEY"
      : "TOLLGATE_API_KEY";
  const idempotency = op.parameters.some((p) => "$ref" in p && p.$ref.endsWith("/IdempotencyKey"));
  const body = op.requestBody?.content["application/json"].example;
  return {
    method: method.toUpperCase(),
    url,
    keyVar,
    headers: idempotency ? [["Idempotency-Key", "job_123"]] : [],
    body,
  };
}

function curl(r: Request): string {
  const lines = [
    `curl -X ${r.method} "${r.url}"`,
    ...(r.keyVar ? [`-H "Authorization: Bearer $${r.keyVar}"`] : []),
  ];
  if (r.body !== undefined) lines.push(`-H "Content-Type: application/json"`);
  for (const [name, value] of r.headers) lines.push(`-H "${name}: ${value}"`);
  if (r.body !== undefined) lines.push(`-d '${JSON.stringify(r.body, null, 2).replaceAll("'", "'\\''")}'`);
  return lines.join(" \\\n  ");
}

const indent = (text: string, by: string) => text.replaceAll("\n", `\n${by}`);

function javascript(r: Request): string {
  const headers = [
    ...(r.keyVar ? ["Authorization: `Bearer ${process.env." + r.keyVar + "}`"] : []),
    ...(r.body !== undefined ? [`"Content-Type": "application/json"`] : []),
    ...r.headers.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`),
  ];
  const init = [`method: "${r.method}"`];
  if (headers.length) init.push(`headers: {\n    ${headers.join(",\n    ")},\n  }`);
  if (r.body !== undefined)
    init.push(`body: JSON.stringify(${indent(JSON.stringify(r.body, null, 2), "  ")})`);
  return [
    `const res = await fetch("${r.url}", {\n  ${init.join(",\n  ")},\n});`,
    "const data = await res.json();",
    "if (!res.ok) throw new Error(`${res.status} ${data.error.code}: ${data.error.message}`);",
    "console.log(data);",
  ].join("\n");
}

/** A JSON value as a Python literal (True/False/None), indented like json.dumps(indent=4). */
function python(value: unknown, depth = 0): string {
  const pad = "    ".repeat(depth + 1);
  const end = "    ".repeat(depth);
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value))
    return value.length ? `[\n${value.map((v) => pad + python(v, depth + 1)).join(",\n")},\n${end}]` : "[]";
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return "{}";
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${python(v, depth + 1)}`).join(",\n")},\n${end}}`;
}

function pythonRequests(r: Request): string {
  const headers = [
    ...(r.keyVar ? [`"Authorization": f"Bearer {os.environ['${r.keyVar}']}"`] : []),
    ...r.headers.map(([n, v]) => `${JSON.stringify(n)}: ${JSON.stringify(v)}`),
  ];
  const args = [`"${r.url}"`];
  if (headers.length) args.push(`headers={\n        ${headers.join(",\n        ")},\n    }`);
  if (r.body !== undefined) args.push(`json=${python(r.body, 1)}`);
  args.push("timeout=10");
  return [
    ...(r.keyVar ? ["import os", ""] : []),
    "import requests",
    "",
    `res = requests.${r.method.toLowerCase()}(\n    ${args.join(",\n    ")},\n)`,
    "data = res.json()",
    "if not res.ok:",
    `    raise RuntimeError(f"{res.status_code} {data['error']['code']}: {data['error']['message']}")`,
    "print(data)",
  ].join("\n");
}

export function codeSamples(
  serverUrl: string,
  path: string,
  method: string,
  op: Omit<OperationObject, "x-codeSamples">,
): CodeSample[] {
  const r = describeRequest(serverUrl, path, method, op);
  return [
    { lang: "curl", label: "curl", source: curl(r) },
    { lang: "javascript", label: "JavaScript", source: javascript(r) },
    { lang: "python", label: "Python", source: pythonRequests(r) },
  ];
}
