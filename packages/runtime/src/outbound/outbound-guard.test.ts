import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboundGuard, OutboundRequestRefusedError, type HostLookup } from "./outbound-guard";

/*
 * The guard against real sockets: a receiver on 127.0.0.1 and a second one on 127.0.0.2 (another
 * loopback address), and what each of them was sent.
 */

interface Receiver {
  server: Server;
  url: string;
  seen: IncomingHttpHeaders[];
}

async function startReceiver(host: string, answer: (url: string) => { status: number; location?: string }): Promise<Receiver> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    const { status, location } = answer(request.url ?? "/");
    response.writeHead(status, location ? { location } : {});
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, seen, url: `http://${host}:${(server.address() as AddressInfo).port}` };
}

let first: Receiver;
let second: Receiver;
beforeAll(async () => {
  second = await startReceiver("127.0.0.2", () => ({ status: 200 }));
  first = await startReceiver("127.0.0.1", (url) => (url === "/redirect" ? { status: 302, location: `${second.url}/stolen` } : { status: 200 }));
});
afterAll(async () => {
  for (const receiver of [first, second]) await new Promise((resolve) => receiver?.server.close(resolve));
});

/** A resolver that knows only the names given, and counts its answers. */
function fakeLookup(answers: Record<string, string[]>): HostLookup & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (host: string) => {
    calls.push(host);
    const addresses = answers[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address }));
  };
  return Object.assign(lookup, { calls });
}

describe("the outbound guard", () => {
  it("refuses loopback without an allow-list entry, before any byte is sent", async () => {
    const before = first.seen.length;
    const guard = createOutboundGuard();
    await expect(guard.fetch(`${first.url}/`)).rejects.toBeInstanceOf(OutboundRequestRefusedError);
    await expect(guard.fetch(first.url.replace("127.0.0.1", "localhost"))).rejects.toThrow(/refused \(loopback\)/);
    expect(first.seen.length).toBe(before);
  });

  it("calls an allowed address, and refuses a redirect from it to an address that is not allowed", async () => {
    const guard = createOutboundGuard({ allow: ["127.0.0.1"] });
    expect((await guard.fetch(`${first.url}/`)).status).toBe(200);
    await expect(guard.fetch(`${first.url}/redirect`, { headers: { authorization: "Bearer stored-secret" } })).rejects.toThrow(
      /outbound requests to 127\.0\.0\.2 are refused \(loopback\)/,
    );
    expect(second.seen).toEqual([]);
  });

  it("connects to the address it checked: the name is resolved once, by the guard, and never again by the socket", async () => {
    const lookup = fakeLookup({ "vendor.test": ["127.0.0.1"] });
    const guard = createOutboundGuard({ allow: ["127.0.0.1/32"], lookup });
    const port = new URL(first.url).port;
    const response = await guard.fetch(`http://vendor.test:${port}/pinned`);
    expect(response.status).toBe(200);
    // The system resolver cannot resolve `.test`: the request arrived because the socket used the checked address.
    expect(first.seen.at(-1)?.host).toBe(`vendor.test:${port}`);
    expect(lookup.calls).toEqual(["vendor.test"]);
  });

  it("refuses a name when any address it resolves to is refused (one public answer does not launder a private one)", async () => {
    const guard = createOutboundGuard({ lookup: fakeLookup({ "mixed.test": ["93.184.216.34", "10.0.0.5"], "meta.test": ["169.254.169.254"] }) });
    await expect(guard.fetch("http://mixed.test/")).rejects.toThrow(/resolves to a private address/);
    await expect(guard.fetch("http://meta.test/latest/meta-data/")).rejects.toThrow(/resolves to a link-local address/);
    expect(await guard.refusalOf("http://meta.test/")).toBe("resolves to a link-local address");
  });

  it("answers refusalOf for write-time validation in every notation, and lets an unresolvable public name through to the connection check", async () => {
    const guard = createOutboundGuard({ lookup: fakeLookup({ "vendor.example": ["93.184.216.34"] }) });
    expect(await guard.refusalOf("http://127.1/")).toBe("loopback");
    expect(await guard.refusalOf("http://[::ffff:127.0.0.1]/")).toBe("IPv4-mapped IPv6");
    expect(await guard.refusalOf("https://localhost./")).toBe("loopback");
    expect(await guard.refusalOf("http://0.0.0.0:5432/")).toBe("unspecified");
    expect(await guard.refusalOf("file:///etc/passwd")).toBe("only http and https URLs can be called");
    expect(await guard.refusalOf("https://vendor.example/api")).toBeUndefined();
    expect(await guard.refusalOf("https://nowhere.example/")).toBeUndefined();
  });

  it("makes ctx.http fail once with the refusal, not retry it as a network error", async () => {
    const before = first.seen.length;
    const http = createHttpClient({ fetch: createOutboundGuard().fetch, sleep: async () => undefined });
    await expect(http.request({ method: "GET", url: `${first.url}/api` })).rejects.toBeInstanceOf(OutboundRequestRefusedError);
    expect(first.seen.length).toBe(before);
  });
});
