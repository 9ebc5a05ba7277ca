import type { ApiCaller } from "@/lib/metering/authenticate";
import { v1Route } from "@/lib/metering/http";
import type { OpenAiError } from "./schemas";

// The v1 edge (authentication, suspension, rate limit, the one error mapping and its headers) for a
// handler that answers with its own Response (a stream, or the provider's body), with Tollgate's
// refusals reshaped into OpenAI's error body so OpenAI clients raise them as APIError with `code`.

type TollgateErrorBody = {
  error: { code: string; message: string; issues?: { path?: PropertyKey[] }[] } & Record<string, unknown>;
};

async function openAiErrorResponse(edge: Response): Promise<Response> {
  const { error } = (await edge.json()) as TollgateErrorBody;
  const { code, message, ...details } = error;
  const param = error.issues?.[0]?.path?.map(String).join(".") || null;
  const body: OpenAiError = { error: { message, type: "tollgate_error", code, param, ...details } };
  const headers = new Headers(edge.headers);
  headers.delete("content-length");
  return Response.json(body, { status: edge.status, headers });
}

/** The OpenAI-shaped form of any Tollgate error response (405/404 answers of the proxy's path too). */
export const openAiError = (handler: (req: Request) => Promise<Response>) => async (req: Request) => {
  const res = await handler(req);
  return res.status >= 400 ? openAiErrorResponse(res) : res;
};

export function openAiRoute(handler: (req: Request, caller: ApiCaller) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    const out: { response?: Response } = {};
    const edge = await v1Route(async (request, caller) => {
      out.response = await handler(request, caller);
      return { body: null };
    })(req);
    if (!out.response) return openAiErrorResponse(edge);
    for (const [name, value] of edge.headers)
      if (name.startsWith("x-ratelimit-") || name === "x-request-id") out.response.headers.set(name, value);
    return out.response;
  };
}
