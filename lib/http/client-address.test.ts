import { describe, expect, it } from "vitest";
import { addressNetwork, clientAddress, normaliseAddress } from "./client-address";

describe("clientAddress", () => {
  it("uses the connection's address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });

  it("takes the entry the trusted proxies appended, not what the client wrote", () => {
    // client forged "1.1.1.1"; the proxy at 10.0.0.2 appended the real client 203.0.113.7
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", "1.1.1.1, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", ["1.1.1.1", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("falls back to the leftmost entry when the chain is shorter than the trusted hops", () => {
    expect(clientAddress("127.0.0.1", undefined, 1)).toBe("127.0.0.1");
    expect(clientAddress("10.0.0.2", "203.0.113.7", 3)).toBe("203.0.113.7");
  });

  it("turns what is not an address into 'unknown'", () => {
    expect(clientAddress("10.0.0.2", "<script>", 1)).toBe("unknown");
    expect(normaliseAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
  });
});

describe("addressNetwork", () => {
  it("keeps IPv4 addresses and groups IPv6 addresses by /64", () => {
    expect(addressNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(addressNetwork("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressNetwork("2001:db8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(addressNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressNetwork("::1")).toBe("0:0:0:0::/64");
  });
});
