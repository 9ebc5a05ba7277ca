import { errorResponse, MethodNotAllowedError, RouteNotFoundError } from "./errors";

// Answers for what a route does not serve: 405 method_not_allowed (with Allow) for a method the
// route lacks, and 404 not_found for a path under /api/v1 that names no route. Next.js's own
// answers for these are empty bodies; the API promises JSON (SPEC §8.1).

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A handler for every method the route does not serve: `export { other as PUT, other as DELETE }`.
 * Exported as OPTIONS too, it answers 204 with the true Allow (Next's own OPTIONS would list the
 * 405 handlers as if they were methods).
 */
export function methodNotAllowed(...allow: Method[]) {
  return async (req: Request): Promise<Response> => {
    if (req.method === "OPTIONS")
      return new Response(null, { status: 204, headers: { Allow: [...allow, "OPTIONS"].join(", ") } });
    return errorResponse(new MethodNotAllowedError(req.method, allow));
  };
}

export async function routeNotFound(): Promise<Response> {
  return errorResponse(new RouteNotFoundError());
}
