import type { OpenApiDocument, OperationObject, ParameterObject } from "@/lib/openapi/types";
import { CodePanel } from "./code-panel";
import { CodeTabs } from "./code-tabs";
import { constraints, fieldRows, typeLabel, type FieldRow } from "./schema-fields";
import { TryIt, type TryItRequest } from "./try-it";

// One operation of the OpenAPI document, rendered: method and path, parameters, request body
// fields, responses with their error codes, and generated samples in three languages.

const METHOD_CLASS: Record<string, string> = {
  GET: "border-sky-600/40 text-sky-800 dark:text-sky-300",
  POST: "border-emerald-600/40 text-emerald-800 dark:text-emerald-300",
  PUT: "border-amber-600/40 text-amber-800 dark:text-amber-300",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`rounded-md border px-2 py-0.5 font-mono text-xs font-bold ${METHOD_CLASS[method] ?? ""}`}
    >
      {method}
    </span>
  );
}

function Fields({ rows }: { rows: FieldRow[] }) {
  return (
    <dl className="divide-y rounded-lg border">
      {rows.map((row) => (
        <div key={row.name} className="space-y-1 px-4 py-3">
          <dt className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <code className="font-mono text-sm font-semibold break-all">{row.name}</code>
            <span className="font-mono text-xs break-all text-muted-foreground">{row.type}</span>
            {row.required ? (
              <span className="text-xs font-medium text-destructive">required</span>
            ) : (
              <span className="text-xs text-muted-foreground">optional</span>
            )}
          </dt>
          {(row.description || row.constraints.length > 0) && (
            <dd className="text-sm text-muted-foreground">
              {row.description}
              {row.constraints.length > 0 && (
                <span className="block font-mono text-xs">{row.constraints.join(" · ")}</span>
              )}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

const isParameter = (p: OperationObject["parameters"][number]): p is ParameterObject => "in" in p;

const resolve = (doc: OpenApiDocument, p: OperationObject["parameters"][number]) =>
  isParameter(p) ? p : doc.components.parameters[p.$ref.split("/").pop() ?? ""];

function parameterRows(doc: OpenApiDocument, op: OperationObject): FieldRow[] {
  return op.parameters.map((p) => {
    const param = resolve(doc, p);
    return {
      name: param.name,
      type: `${param.in} · ${typeLabel(doc, param.schema)}`,
      required: param.required,
      description: param.description,
      constraints: constraints(param.schema),
    };
  });
}

// Calls that spend credits or quota, and the warning their console shows.
const CHARGES = new Set([
  "recordUsage",
  "recordUsageBatch",
  "createReservation",
  "commitReservation",
  "createChatCompletion",
]);

function tryItRequest(doc: OpenApiDocument, path: string, method: string, op: OperationObject): TryItRequest {
  const params = op.parameters.map((p) => resolve(doc, p));
  const example = op.requestBody?.content["application/json"].example;
  const verb = method.toUpperCase() as TryItRequest["method"];
  return {
    operationId: op.operationId,
    method: verb,
    path,
    keyKind: "adminKey" in (op.security[0] ?? {}) ? "admin" : "workspace",
    params: params
      .filter((p) => p.in === "path" || p.in === "query")
      .map((p) => ({
        name: p.name,
        in: p.in as "path" | "query",
        example: p.example ?? "",
        required: p.required,
      })),
    idempotencyKey: params.some((p) => p.in === "header" && p.name === "Idempotency-Key"),
    body: op.requestBody ? JSON.stringify(example ?? {}, null, 2) : null,
    effect: CHARGES.has(op.operationId) ? "charges" : verb === "GET" ? null : "changes",
  };
}

export function OperationSection({
  doc,
  path,
  method,
  op,
}: {
  doc: OpenApiDocument;
  path: string;
  method: string;
  op: OperationObject;
}) {
  const verb = method.toUpperCase();
  const headingId = `${op.operationId}-title`;
  const body = op.requestBody?.content["application/json"];
  const params = parameterRows(doc, op);
  const [successStatus, success] = Object.entries(op.responses)[0];
  const auth = !op.security.length
    ? "None (public)"
    : "adminKey" in op.security[0]
      ? "Admin API key (tga_…)"
      : op.security.some((s) => "sessionToken" in s)
        ? "Workspace API key (tg_…) or session token (tgs_…)"
        : "Workspace API key (tg_…)";
  return (
    <section id={op.operationId} aria-labelledby={headingId} className="scroll-mt-20 border-t py-10">
      <h3 id={headingId} className="text-xl font-semibold tracking-tight">
        {op.summary}
      </h3>
      <p className="mt-2 flex min-w-0 flex-wrap items-center gap-2">
        <MethodBadge method={verb} />
        <code className="font-mono text-sm break-all">{path}</code>
      </p>
      <p className="mt-3 max-w-3xl text-pretty text-muted-foreground">{op.description}</p>
      <p className="mt-2 text-sm text-muted-foreground">
        Auth: <span className="text-foreground">{auth}</span>
      </p>
      <div className="mt-6 grid min-w-0 grid-cols-1 gap-8 xl:grid-cols-2">
        <div className="min-w-0 space-y-6">
          {params.length > 0 && (
            <div>
              <h4 className="mb-2 font-semibold">Parameters</h4>
              <Fields rows={params} />
            </div>
          )}
          {body && (
            <div>
              <h4 className="mb-2 font-semibold">Request body</h4>
              <Fields rows={fieldRows(doc, body.schema)} />
            </div>
          )}
          <div>
            <h4 className="mb-2 font-semibold">Responses</h4>
            <ul className="divide-y rounded-lg border">
              {Object.entries(op.responses).map(([status, response]) => {
                const codes = Object.entries(response.content["application/json"].examples ?? {});
                return (
                  <li key={status} className="space-y-1 px-4 py-3 text-sm">
                    <p className="flex flex-wrap items-baseline gap-2">
                      <span className="font-mono font-semibold">{status}</span>
                      {codes.length === 0 && (
                        <span className="text-muted-foreground">{response.description}</span>
                      )}
                    </p>
                    {codes.map(([code, example]) => (
                      <p key={code} className="text-muted-foreground">
                        <code className="mr-2 rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-foreground">
                          {code}
                        </code>
                        {example.summary}
                      </p>
                    ))}
                    {Object.keys(response.headers ?? {}).length > 0 && (
                      <p className="text-xs break-words text-muted-foreground">
                        Headers: {Object.keys(response.headers ?? {}).join(", ")}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
        <div className="min-w-0 space-y-6">
          <div>
            <h4 className="mb-2 font-semibold">Example request</h4>
            <CodeTabs
              label={`${verb} ${path} example`}
              tabs={op["x-codeSamples"].map((s) => ({ id: s.lang, label: s.label, code: s.source }))}
            />
          </div>
          <div>
            <h4 className="mb-2 font-semibold">Example response ({successStatus})</h4>
            <CodePanel
              label={`${verb} ${path} example response`}
              code={JSON.stringify(success.content["application/json"].example, null, 2)}
            />
          </div>
        </div>
      </div>
      <TryIt request={tryItRequest(doc, path, method, op)} />
    </section>
  );
}
