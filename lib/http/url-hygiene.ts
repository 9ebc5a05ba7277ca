// A request URL no page or route could mean: a path that is not valid percent-encoded UTF-8 (`%ff`,
// which Next answers with a plain-text 500 when it decodes a dynamic segment), or a NUL anywhere
// in the path or query (PostgreSQL cannot store or compare it). The proxy answers these with 400.

const NUL = /%00/i;

function decodes(s: string) {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** Why this URL's path or query is refused, or null when it is fine. */
export function urlProblem(pathname: string, search: string): string | null {
  if (!decodes(pathname)) return "The path is not valid percent-encoded UTF-8.";
  if (NUL.test(pathname) || pathname.includes("\u0000")) return "The path contains a NUL character.";
  if (NUL.test(search)) return "The query string contains a NUL character.";
  return null;
}
