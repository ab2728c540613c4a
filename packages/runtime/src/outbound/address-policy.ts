import ipaddr from "ipaddr.js";

/**
 * Which addresses Lethe may send a request to (issue 13, SSRF). Only global unicast addresses are
 * reachable by default: a connector's baseUrl or a webhook URL is typed by an administrator, and
 * without this rule "test connection" or a webhook would let them reach the cloud metadata service
 * (169.254.169.254), the database on 127.0.0.1, or anything else inside the network the worker
 * runs in. Pure: the I/O (name resolution, connecting) is in outbound-guard.ts.
 */

/** Why an address may not be called; undefined when it may. */
export type AddressRefusal =
  | "loopback"
  | "private"
  | "link-local"
  | "carrier-grade NAT"
  | "unique-local"
  | "IPv4-mapped IPv6"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "not an IP address";

const refusalByRange: Record<string, AddressRefusal> = {
  loopback: "loopback",
  private: "private",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  ipv4Mapped: "IPv4-mapped IPv6",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
};

/**
 * The refusal for one IP address, in any notation ipaddr.js reads: dotted, shortened (`127.1`),
 * octal (`0177.0.0.1`, `017700000001`), hex (`0x7f.1`), one decimal number (`2130706433`), IPv6
 * with or without brackets, IPv4-mapped (`::ffff:127.0.0.1`). Everything that is not plain global
 * unicast is refused — besides the named ranges that includes documentation, benchmarking, 6to4,
 * Teredo and NAT64 prefixes, which can carry a private IPv4 address inside them.
 */
export function addressRefusal(address: string): AddressRefusal | undefined {
  const parsed = parseAddress(address);
  if (!parsed) return "not an IP address";
  const range = parsed.range();
  if (range === "unicast") return undefined;
  return refusalByRange[range] ?? "reserved";
}

/** An IP address in any notation, or undefined when the text is not one (a host name). */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  // ipaddr.js reads IPv6 zone ids (`fe80::1%eth0`); a zone never names a public host.
  if (!ipaddr.isValid(bare)) return undefined;
  try {
    return ipaddr.parse(bare);
  } catch {
    return undefined;
  }
}

/**
 * Host names that always mean this machine, whatever a resolver says (RFC 6761 §6.3): `localhost`,
 * `anything.localhost`, with or without the root's trailing dot.
 */
export function isLocalhostName(host: string): boolean {
  const name = canonicalHostName(host);
  return name === "localhost" || name.endsWith(".localhost");
}

/** Lower case, without the trailing dot of a fully qualified name (`Vendor.example.` → `vendor.example`). */
export function canonicalHostName(host: string): string {
  return host.toLowerCase().replace(/\.+$/, "");
}
