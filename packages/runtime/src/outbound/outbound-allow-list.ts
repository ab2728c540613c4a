import ipaddr from "ipaddr.js";
import { canonicalHostName, parseAddress } from "./address-policy";

/**
 * The explicit exceptions to the address policy (`LETHE_OUTBOUND_ALLOW`): an on-premises vendor on
 * 10.0.0.7, the demo sandboxes and test worlds on loopback. Each entry is a host name (matched
 * exactly, case-insensitively, trailing dot ignored), an IP address or a CIDR range. Pure.
 */
export interface OutboundAllowList {
  /** True when the host name is listed, or the address it resolved to is inside a listed range. */
  allows(target: { host: string; address?: string }): boolean;
  /** The entries as given, for logs and errors. */
  readonly entries: readonly string[];
}

export class InvalidAllowListEntryError extends Error {
  override readonly name = "InvalidAllowListEntryError";
}

/** Loopback in both families: what the demo sandboxes and the test worlds listen on. */
export const loopbackAllowList: readonly string[] = ["127.0.0.0/8", "::1/128", "localhost"];

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses the entries; an entry that is neither a host name, an address nor a CIDR range throws. */
export function parseOutboundAllowList(entries: readonly string[]): OutboundAllowList {
  const names = new Set<string>();
  const ranges: Range[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === "") continue;
    if (entry.includes("/")) {
      try {
        ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new InvalidAllowListEntryError(`"${entry}" is not a CIDR range (e.g. 10.0.0.0/8, fd00::/8)`);
      }
      continue;
    }
    const address = parseAddress(entry);
    if (address) {
      ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
      continue;
    }
    if (!/^[a-z0-9.-]+$/i.test(entry)) throw new InvalidAllowListEntryError(`"${entry}" is not a host name, an address or a CIDR range`);
    names.add(canonicalHostName(entry));
  }
  return {
    entries: [...entries],
    allows({ host, address }) {
      if (names.has(canonicalHostName(host))) return true;
      const parsed = parseAddress(address ?? host);
      if (!parsed) return false;
      // An IPv4-mapped IPv6 address is the IPv4 host it maps: match it against IPv4 ranges too.
      const forms = [parsed, ipaddr.process(parsed.toString())];
      return forms.some((form) => ranges.some(([base, bits]) => form.kind() === base.kind() && form.match(base, bits)));
    },
  };
}
