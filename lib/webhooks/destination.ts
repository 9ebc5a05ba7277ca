import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

// Endpoint URLs are typed in by customers and fetched from Tollgate's own servers, so a delivery
// must not reach into the network those servers sit in (metadata services, databases, admin
// ports). Checked when an endpoint is saved and again before every delivery (DNS can change).
const privateNetworks = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) privateNetworks.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) privateNetworks.addSubnet(network, prefix, "ipv6");

/** Private destinations are allowed in development and tests (receivers on this machine), not in production. */
export const privateDestinationsAllowed = () => env.WEBHOOK_ALLOW_PRIVATE_URLS ?? env.NODE_ENV !== "production";

/** The first private address `hostname` resolves to, or null; a name that doesn't resolve is not private. */
export async function privateAddressOf(hostname: string): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  for (const { address, family } of addresses) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address); // IPv4 written as IPv6
    if (mapped ? privateNetworks.check(mapped[1], "ipv4") : privateNetworks.check(address, family === 6 ? "ipv6" : "ipv4")) return address;
  }
  return null;
}

/** Why a delivery to `url` is refused, or null when it may go ahead. */
export async function refusedDestination(url: string): Promise<string | null> {
  if (privateDestinationsAllowed()) return null;
  const { hostname } = new URL(url);
  const address = await privateAddressOf(hostname);
  return address ? `${hostname} resolves to a private network address (${address}); deliveries go to public addresses only` : null;
}
