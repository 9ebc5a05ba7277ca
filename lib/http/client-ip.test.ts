import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, computeClientIp } from "./client-ip";

describe("computeClientIp", () => {
  it("uses the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(computeClientIp("6.6.6.6", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(computeClientIp(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("takes the address N hops from the right of X-Forwarded-For + socket", () => {
    // client -> proxy A (adds client) -> proxy B (adds A) -> app (socket B)
    const xff = "6.6.6.6, 198.51.100.1, 10.0.0.2";
    expect(computeClientIp(xff, "10.0.0.3", 1)).toBe("10.0.0.2");
    expect(computeClientIp(xff, "10.0.0.3", 2)).toBe("198.51.100.1");
    // a spoofed leftmost entry is only reached when more hops are trusted than there are proxies
    expect(computeClientIp(["6.6.6.6", "198.51.100.1"], "10.0.0.3", 1)).toBe("198.51.100.1");
  });

  it("falls back to the leftmost entry when the chain is shorter than the hops", () => {
    expect(computeClientIp(undefined, "10.0.0.3", 2)).toBe("10.0.0.3");
    expect(computeClientIp("198.51.100.1", "10.0.0.3", 5)).toBe("198.51.100.1");
  });
});

describe("clientIp", () => {
  it("reads only the header the server in front of Next sets", () => {
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "198.51.100.1", "x-forwarded-for": "6.6.6.6" }))).toBe(
      "198.51.100.1",
    );
    expect(clientIp({ [CLIENT_IP_HEADER]: "::FFFF:10.1.2.3", "x-forwarded-for": "6.6.6.6" })).toBe(
      "10.1.2.3",
    );
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
