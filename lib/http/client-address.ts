import { isIP } from "node:net";

/**
 * The address of the client behind `trustedHops` reverse proxies. Each proxy appends the address it received
 * the request from to X-Forwarded-For, so the entry `trustedHops` places from the right (the socket's
 * address counting as the last entry) is the first one no client could have written. With no trusted
 * proxies that is the socket's own address, whatever the request claims.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = normaliseAddress(socketAddress ?? "");
  if (trustedHops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((s) => normaliseAddress(s.trim()))
      .filter((s) => s !== ""),
    socket,
  ];
  return chain[chain.length - 1 - trustedHops] ?? chain[0] ?? socket;
}

/** IPv4-mapped IPv6 addresses as plain IPv4; anything that is not an IP address as "unknown". */
export function normaliseAddress(value: string): string {
  const v = value.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return isIP(v) === 0 ? (v === "" ? "" : "unknown") : v.toLowerCase();
}

/**
 * The network a throttle should treat as one client: an IPv4 address itself, an IPv6 address's /64 (one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would give an attacker 2^64 tries).
 */
export function addressNetwork(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}
