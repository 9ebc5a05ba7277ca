import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetch } from "undici";
import { env } from "@/lib/env";
import {
  BlockedDestinationError,
  checkedLookup,
  isBlockedAddress,
  publicOnlyAgent,
  refusedDestination,
} from "./destination";

describe("blocked webhook destination addresses", () => {
  it.each([
    ["0.0.0.0"],
    ["10.1.2.3"],
    ["100.64.0.1"],
    ["127.0.0.1"],
    ["127.255.255.254"],
    ["169.254.169.254"],
    ["172.16.0.1"],
    ["172.31.255.255"],
    ["192.0.0.8"],
    ["192.168.1.10"],
    ["198.18.0.1"],
    ["224.0.0.251"],
    ["255.255.255.255"],
  ])("refuses IPv4 %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    ["::"],
    ["::1"],
    ["[::1]"],
    ["fd00::1"],
    ["fc12:3456::1"],
    ["fe80::1"],
    ["ff02::1"],
    ["fec0::1"],
    ["2001:db8::1"],
    ["100::1"],
    // IPv4-compatible (::/96): deprecated, refused whatever it embeds
    ["::7f00:1"],
    ["::127.0.0.1"],
    ["::8.8.8.8"],
    // IPv4-mapped with a private IPv4, in both spellings
    ["::ffff:127.0.0.1"],
    ["::ffff:7f00:1"],
    ["::ffff:192.168.1.1"],
    ["::ffff:a9fe:a9fe"],
    ["::FFFF:10.0.0.1"],
    // NAT64 (64:ff9b::/96) with a private IPv4; the local-use prefix entirely
    ["64:ff9b::127.0.0.1"],
    ["64:ff9b::a00:1"],
    ["64:ff9b::169.254.169.254"],
    ["64:ff9b:1::8.8.8.8"],
    // 6to4 (2002::/16) whose IPv4 is private
    ["2002:7f00:1::"],
    ["2002:a00:1::1"],
    ["2002:c0a8:101:1::1"],
    ["2002:a9fe:a9fe::"],
    // Teredo carries an obfuscated IPv4
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2"],
  ])("refuses IPv6 %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    ["93.184.216.34"],
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["172.32.0.1"],
    ["100.128.0.1"],
    ["2606:2800:220:1:248:1893:25c8:1946"],
    ["2a00:1450:4001:82a::200e"],
    ["::ffff:8.8.8.8"],
    ["64:ff9b::8.8.8.8"],
    ["64:ff9b::5db8:d822"],
    ["2002:808:808::1"],
  ])("lets public %s through", (address) => expect(isBlockedAddress(address)).toBe(false));

  it("counts anything that is not an IP address as blocked", () => {
    for (const v of ["", "localhost", "example.com", "999.1.1.1", "::gg", "1.2.3"])
      expect(isBlockedAddress(v), v).toBe(true);
  });
});

describe("saving an endpoint in production", () => {
  beforeAll(() => void (env.WEBHOOK_ALLOW_PRIVATE_URLS = false));
  afterAll(() => void (env.WEBHOOK_ALLOW_PRIVATE_URLS = undefined));

  it("refuses names that do not resolve, and names and literals that resolve privately", async () => {
    expect(await refusedDestination("https://no-such-host.invalid/hook")).toMatchObject({
      reason: "unresolvable",
    });
    expect(await refusedDestination("https://localhost/hook")).toMatchObject({ reason: "private" });
    expect(await refusedDestination("https://[::ffff:10.0.0.1]/hook")).toMatchObject({ reason: "private" });
    expect(await refusedDestination("https://[64:ff9b::a00:1]/hook")).toMatchObject({ reason: "private" });
    expect(await refusedDestination("https://93.184.216.34/hook")).toBeNull();
  });
});

type Resolved = { address: string; family: number }[];
/** A resolver that answers from a table, like DNS would (no real lookups). */
const fakeDns =
  (table: Record<string, Resolved>) =>
  (host: string, _o: unknown, cb: (e: NodeJS.ErrnoException | null, a: Resolved) => void) =>
    setImmediate(() =>
      table[host]
        ? cb(null, table[host])
        : cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }), []),
    );

describe("the checking lookup", () => {
  const lookup = (table: Record<string, Resolved>, host: string, all: boolean) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) =>
      checkedLookup(fakeDns(table))(host, { all }, (err, address) => resolve({ err, address })),
    );

  it("refuses a name when any of its addresses is private, and hands over checked ones otherwise", async () => {
    const table = {
      mixed: [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
      public: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
    };
    const mixed = await lookup(table, "mixed", true);
    expect(mixed.err).toBeInstanceOf(BlockedDestinationError);
    expect(mixed.err?.message).toContain("10.0.0.7");
    expect(await lookup(table, "public", true)).toEqual({ err: null, address: table.public });
    expect(await lookup(table, "public", false)).toEqual({ err: null, address: "93.184.216.34" });
    expect((await lookup(table, "gone", false)).err?.message).toMatch(/ENOTFOUND/);
  });
});

describe("connecting through the checking dispatcher", () => {
  let server: ReturnType<typeof createServer>;
  let port = 0;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.headers.host ?? "");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses at connect time a name that resolves to a private address; the receiver hears nothing", async () => {
    // "rebind.test" exists only in this resolver: the socket can reach the receiver only through the lookup's answer.
    const agent = publicOnlyAgent(fakeDns({ "rebind.test": [{ address: "127.0.0.1", family: 4 }] }));
    const error = await fetch(`http://rebind.test:${port}/hook`, {
      method: "POST",
      body: "{}",
      dispatcher: agent,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toBeInstanceOf(BlockedDestinationError);
    expect(((error as TypeError).cause as Error).message).toBe(
      "rebind.test resolves to a private network address (127.0.0.1); deliveries go to public addresses only",
    );
    expect(hits).toHaveLength(0);
    await agent.close();
  });

  it("connects to the very address the lookup answered", async () => {
    // Same name and resolver, with the check's verdict on loopback flipped: the request lands, so the
    // address the lookup returns is the one the socket uses (no second resolution).
    const { Agent } = await import("undici");
    const resolve = fakeDns({ "rebind.test": [{ address: "127.0.0.1", family: 4 }] });
    const agent = new Agent({
      connect: {
        lookup: (host: string, o: object, cb: (e: Error | null, a: Resolved | string, f?: number) => void) =>
          resolve(host, o, (e, a) => ("all" in o && o.all ? cb(e, a) : cb(e, a[0]?.address, a[0]?.family))),
      },
    });
    const res = await fetch(`http://rebind.test:${port}/hook`, { dispatcher: agent });
    expect(res.status).toBe(200);
    expect(hits).toEqual([`rebind.test:${port}`]);
    await agent.close();
  });
});
