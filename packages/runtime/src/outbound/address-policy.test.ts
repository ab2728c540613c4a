import { describe, expect, it } from "vitest";
import { addressRefusal, isLocalhostName } from "./address-policy";
import { parseOutboundAllowList, InvalidAllowListEntryError } from "./outbound-allow-list";

/**
 * The address policy over the notations an attacker would try (issue 13): one table, each row a
 * way to write an address that must not be called, and the public addresses that must still work.
 * Host text is what reaches the guard: the WHATWG URL parser's hostname, or the literal itself.
 */
const hostOf = (url: string) => {
  const host = new URL(url).hostname;
  return host.startsWith("[") ? host.slice(1, -1) : host;
};

describe("addressRefusal", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["0x7f.1", "loopback"],
    ["0x7f000001", "loopback"],
    ["017700000001", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::ffff:127.0.0.1", "IPv4-mapped IPv6"],
    ["::ffff:7f00:1", "IPv4-mapped IPv6"],
    ["::ffff:169.254.169.254", "IPv4-mapped IPv6"],
    ["::", "unspecified"],
    ["0.0.0.0", "unspecified"],
    ["0", "unspecified"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["fd00::1", "unique-local"],
    ["fc00::1", "unique-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["198.18.0.1", "reserved"],
    ["2002:7f00:1::", "reserved"],
    ["64:ff9b::7f00:1", "reserved"],
    ["not-an-address", "not an IP address"],
  ])("refuses %s as %s", (address, reason) => {
    expect(addressRefusal(address)).toBe(reason);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "[2606:4700:4700::1111]"])("allows the public address %s", (address) => {
    expect(addressRefusal(address)).toBeUndefined();
  });

  it.each([
    ["http://127.1/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://017700000001/", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "IPv4-mapped IPv6"],
    ["http://[::]/", "unspecified"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://[fd00::1]/", "unique-local"],
    ["http://100.64.0.1/", "carrier-grade NAT"],
    ["http://0251.0376.0251.0376/", "link-local"],
  ])("refuses the URL %s as the URL parser reads it (%s)", (url, reason) => {
    expect(addressRefusal(hostOf(url))).toBe(reason);
  });
});

describe("isLocalhostName", () => {
  it.each(["localhost", "LOCALHOST", "localhost.", "api.localhost", "api.localhost."])("treats %s as this machine", (host) => {
    expect(isLocalhostName(host)).toBe(true);
  });
  it.each(["localhost.example.com", "mylocalhost", "example.com"])("does not treat %s as this machine", (host) => {
    expect(isLocalhostName(host)).toBe(false);
  });
});

describe("the outbound allow-list", () => {
  const allow = parseOutboundAllowList(["10.20.0.0/16", "crm.corp.example", "fd12::7", " "]);
  it("allows listed ranges, addresses and host names, and nothing else", () => {
    expect(allow.allows({ host: "10.20.3.4" })).toBe(true);
    expect(allow.allows({ host: "vendor.example", address: "10.20.3.4" })).toBe(true);
    expect(allow.allows({ host: "::ffff:10.20.3.4" })).toBe(true);
    expect(allow.allows({ host: "CRM.corp.example." })).toBe(true);
    expect(allow.allows({ host: "fd12::7" })).toBe(true);
    expect(allow.allows({ host: "10.21.0.1" })).toBe(false);
    expect(allow.allows({ host: "other.corp.example", address: "10.0.0.1" })).toBe(false);
    expect(allow.allows({ host: "127.0.0.1" })).toBe(false);
  });
  it("refuses an entry that is neither a name, an address nor a range", () => {
    expect(() => parseOutboundAllowList(["10.0.0.0/99"])).toThrow(InvalidAllowListEntryError);
    expect(() => parseOutboundAllowList(["http://vendor.example/"])).toThrow(InvalidAllowListEntryError);
  });
});
