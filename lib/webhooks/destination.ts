import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";
import { env } from "@/lib/env";

// Endpoint URLs are typed in by customers and fetched from Tollgate's own servers, so a delivery
// must not reach into the network those servers sit in (metadata services, databases, admin
// ports). Checked when an endpoint is saved, and at every delivery by the connection itself: the
// agent below resolves the name, checks every address and connects only to checked ones, so DNS
// cannot answer one address to the check and another to the socket (rebinding).

const PRIVATE_V4: [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];
const PRIVATE_V6: [string, number][] = [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form (::a.b.c.d)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001::", 32], // Teredo: its IPv4 is obfuscated, so the whole range
  ["2001:db8::", 32], // documentation
  ["fc00::", 7],
  ["fec0::", 10],
  ["fe80::", 10],
  ["ff00::", 8],
];

/** The 32 bits of an IPv4 network as two IPv6 groups, for the forms that embed it. */
function v4Groups(network: string) {
  const [a, b, c, d] = network.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

// Forms of IPv6 that carry an IPv4 address are private when that address is: IPv4-mapped
// (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::/48). BlockList matches
// prefixes, so each private IPv4 network is added again at its place inside each of those.
const blocked = new BlockList();
for (const [network, prefix] of PRIVATE_V4) {
  const [hi, lo] = v4Groups(network);
  blocked.addSubnet(network, prefix, "ipv4");
  blocked.addSubnet(`::ffff:${hi}:${lo}`, 96 + prefix, "ipv6");
  blocked.addSubnet(`64:ff9b::${hi}:${lo}`, 96 + prefix, "ipv6");
  blocked.addSubnet(`2002:${hi}:${lo}::`, 16 + prefix, "ipv6");
}
for (const [network, prefix] of PRIVATE_V6) blocked.addSubnet(network, prefix, "ipv6");

/** Is this address one deliveries must not reach? Anything that is not an IP address counts as blocked. */
export function isBlockedAddress(address: string) {
  const host = address.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  if (family === 0) return true;
  return blocked.check(host, family === 6 ? "ipv6" : "ipv4");
}

/** Private destinations are allowed in development and tests (receivers on this machine), not in production. */
export const privateDestinationsAllowed = () =>
  env.WEBHOOK_ALLOW_PRIVATE_URLS ?? env.NODE_ENV !== "production";

/** A refused destination, raised by the check on save and by the connection's lookup. */
export class BlockedDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedDestinationError";
  }
}

const privateMessage = (host: string, address: string) =>
  `${host} resolves to a private network address (${address}); deliveries go to public addresses only`;

type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;
type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls connect that resolves the name, refuses it when any of its addresses is
 * blocked, and otherwise answers with those same addresses (all of them, or the first, as asked).
 * `resolve` is the system resolver; tests hand in their own.
 */
export function checkedLookup(resolve: Resolve = dnsLookup as Resolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => isBlockedAddress(a.address));
      if (bad)
        return callback(
          Object.assign(new BlockedDestinationError(privateMessage(hostname, bad.address)), {
            code: "EBLOCKED",
          }),
          [],
        );
      if (addresses.length === 0)
        return callback(
          Object.assign(new BlockedDestinationError(`${hostname} does not resolve`), { code: "ENOTFOUND" }),
          [],
        );
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The dispatcher production deliveries go through: it connects only to checked addresses. */
export function publicOnlyAgent(resolve?: Resolve) {
  return new Agent({ connect: { lookup: checkedLookup(resolve) } });
}

let agent: Agent | undefined;
/** The dispatcher for a delivery now: checking in production, none (the default) where private receivers are allowed. */
export function deliveryDispatcher() {
  if (privateDestinationsAllowed()) return undefined;
  return (agent ??= publicOnlyAgent());
}

export type RefusedDestination = { reason: "unresolvable" | "private"; message: string };

/**
 * Why `url` may not be saved as an endpoint, or null. Its name must resolve, and to public
 * addresses only. Where private destinations are allowed (development, tests) nothing is checked.
 */
export async function refusedDestination(url: string): Promise<RefusedDestination | null> {
  if (privateDestinationsAllowed()) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host))
    return isBlockedAddress(host) ? { reason: "private", message: privateMessage(host, host) } : null;
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(host, { all: true }, (err, found) => resolve(err ? [] : found)),
  );
  if (addresses.length === 0)
    return { reason: "unresolvable", message: `${host} does not resolve to an address` };
  const bad = addresses.find((a) => isBlockedAddress(a.address));
  return bad ? { reason: "private", message: privateMessage(host, bad.address) } : null;
}

/**
 * Why a delivery to `url` is refused before connecting, or null. Only an IP address in the URL is
 * checked here (no lookup happens for one); a name is checked by the dispatcher as it connects.
 */
export function refusedLiteralDestination(url: string): string | null {
  if (privateDestinationsAllowed()) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return isIP(host) && isBlockedAddress(host) ? privateMessage(host, host) : null;
}
