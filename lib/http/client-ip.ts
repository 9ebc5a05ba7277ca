// The client's address, for rate limits (sign-in, bad API keys). Browsers can send any
// X-Forwarded-For they like, so the app never reads it directly: the Node server in front of Next
// (scripts/lib/serve.ts) computes the address from the socket and TRUSTED_PROXY_HOPS and always
// overwrites CLIENT_IP_HEADER with it before Next sees the request.
export const CLIENT_IP_HEADER = "x-tollgate-client-ip";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

/**
 * Drops the IPv4-mapped IPv6 prefix and an IPv6 zone, so one client has one key. Bounded: the
 * address becomes part of a rate-limit key (an indexed column), and a forwarded chain's leftmost
 * entry can be anything a client wrote.
 */
export function normalizeIp(raw: string) {
  const ip = raw
    .trim()
    .slice(0, 64)
    .replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return (mapped ? mapped[1] : ip).replace(/%.*$/, "").toLowerCase();
}

/**
 * The address `hops` steps from the right of X-Forwarded-For followed by the socket address: 0 is
 * the socket itself (no proxy trusted); 1 is what the one trusted proxy saw, and so on. A list
 * shorter than that (a request that bypassed a proxy) yields its leftmost entry.
 */
export function computeClientIp(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
) {
  const chain = [forwardedFor ?? []]
    .flat()
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  chain.push(socketAddress || "unknown");
  const index = Math.max(0, chain.length - 1 - hops);
  return normalizeIp(chain[index]) || "unknown";
}

/** The address the server in front of Next computed; "unknown" when the app runs without it. */
export function clientIp(headers: HeaderSource) {
  if (!headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? normalizeIp(first) || "unknown" : "unknown";
}
