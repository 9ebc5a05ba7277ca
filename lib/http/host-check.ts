// Warns when requests arrive under a host other than APP_URL's (links in emails would point elsewhere).
import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/logger";

const globalForHostCheck = globalThis as unknown as { tollgateHostWarned?: boolean };

// localhost, 127.0.0.1 and [::1] on the same port are one address for this purpose.
const loopback = (h: string) => h.toLowerCase().replace(/^(127\.0\.0\.1|\[::1\])(?=:|$)/, "localhost");

// APP_URL's host, parsed once (not on every request) and again only if asked about another URL.
let expected: { appUrl: string; host: string } | undefined;
function expectedHost(appUrl: string) {
  if (expected?.appUrl !== appUrl) expected = { appUrl, host: loopback(new URL(appUrl).host) };
  return expected.host;
}

/**
 * Warns once per process when a request's Host is not APP_URL's: then every emailed link and
 * redirect built from APP_URL points elsewhere. A flag check per request until the first mismatch.
 */
export function warnIfHostDisagrees(host: string | null, appUrl = env.APP_URL) {
  if (globalForHostCheck.tollgateHostWarned || !host) return false;
  if (loopback(host) === expectedHost(appUrl)) return false;
  globalForHostCheck.tollgateHostWarned = true;
  log.warn(
    `APP_URL is ${appUrl}, but this request came to ${host}: links in emails and redirects use APP_URL. Set APP_URL to the address people use.`,
  );
  return true;
}
