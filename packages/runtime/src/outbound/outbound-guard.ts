import { lookup as dnsLookup } from "node:dns/promises";
import { ConfigurationError } from "@lethe/connector-sdk";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { addressRefusal, isLocalhostName, parseAddress } from "./address-policy";
import { parseOutboundAllowList, type OutboundAllowList } from "./outbound-allow-list";

/**
 * The one door every outbound request of Lethe goes through (issue 13, SSRF): connectors'
 * `ctx.http`, webhook deliveries, and any callback added later. Before each connection — the first
 * one and every redirect's — the host is resolved, every address it resolves to is checked with
 * `addressRefusal` (unless `LETHE_OUTBOUND_ALLOW` lists it), and the socket is opened to the
 * address that was checked, so a second DNS answer cannot swap in 127.0.0.1 (DNS rebinding).
 */
export interface OutboundGuard {
  /** `fetch` whose every connection is checked and pinned; a refusal rejects with `OutboundRequestRefusedError`. */
  fetch: typeof fetch;
  /** Why this URL may not be called (resolving its host), or undefined when it may. For validation at write time. */
  refusalOf(url: string): Promise<string | undefined>;
  readonly allowList: OutboundAllowList;
}

/** An outbound request to an address the policy refuses. A configuration fault: not retried. */
export class OutboundRequestRefusedError extends ConfigurationError {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`outbound requests to ${host} are refused (${reason}); list it in LETHE_OUTBOUND_ALLOW if it is an on-premises system`);
  }
}

export type HostLookup = (host: string) => Promise<Array<{ address: string }>>;

export interface OutboundGuardOptions {
  /** `LETHE_OUTBOUND_ALLOW`'s entries: host names, addresses, CIDR ranges. Default: none. */
  allow?: readonly string[];
  /** Name resolution; default the system resolver (`dns.lookup`, every address). Tests fake it. */
  lookup?: HostLookup;
}

const systemLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

export function createOutboundGuard(options: OutboundGuardOptions = {}): OutboundGuard {
  const allowList = parseOutboundAllowList(options.allow ?? []);
  const lookup = options.lookup ?? systemLookup;

  /** The address to connect to for `host`, checked; throws the refusal. */
  async function permittedAddress(host: string): Promise<string> {
    const literal = parseAddress(host);
    if (literal) {
      const refusal = addressRefusal(host);
      if (refusal && !allowList.allows({ host })) throw new OutboundRequestRefusedError(host, refusal);
      return literal.toString();
    }
    if (isLocalhostName(host) && !allowList.allows({ host })) throw new OutboundRequestRefusedError(host, "loopback");
    const resolved = await lookup(host);
    const first = resolved[0];
    if (!first) throw new Error(`${host} resolved to no address`);
    if (!allowList.allows({ host })) {
      // Every address counts: a name with one public and one private answer could be dialled at either.
      for (const { address } of resolved) {
        const refusal = addressRefusal(address);
        if (refusal && !allowList.allows({ host, address })) throw new OutboundRequestRefusedError(host, `resolves to a ${refusal} address`);
      }
    }
    return first.address;
  }

  const connectDirectly = buildConnector({});
  const dispatcher = new Agent({
    connect(connectOptions, callback) {
      permittedAddress(connectOptions.hostname).then(
        // `host` keeps the name, so TLS still sends it as SNI and checks the certificate against it.
        (address) => connectDirectly({ ...connectOptions, hostname: address }, callback),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
      );
    },
  });

  const guardedFetch: typeof fetch = async (input, init) => {
    try {
      // undici's own fetch, so that its dispatcher is the same undici as the Agent's. Node's fetch
      // types are an older undici's declarations of the same classes: bridged, not converted.
      type UndiciInput = Parameters<typeof undiciFetch>[0];
      type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;
      return await undiciFetch(input as UndiciInput, { ...(init as UndiciInit), dispatcher });
    } catch (error) {
      const refusal = refusalIn(error);
      if (refusal) throw refusal;
      throw error;
    }
  };

  return {
    fetch: guardedFetch,
    allowList,
    async refusalOf(url) {
      let host: string;
      try {
        const parsed = new URL(url);
        if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "only http and https URLs can be called";
        host = parsed.hostname;
      } catch {
        return "not an absolute URL";
      }
      try {
        await permittedAddress(host.startsWith("[") ? host.slice(1, -1) : host);
        return undefined;
      } catch (error) {
        if (error instanceof OutboundRequestRefusedError) return error.reason;
        // A name that does not resolve now may later; the connection-time check still applies then.
        return undefined;
      }
    },
  };
}

/** The guard's refusal inside a failed fetch (undici wraps connect errors as `TypeError: fetch failed`). */
function refusalIn(error: unknown): OutboundRequestRefusedError | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof OutboundRequestRefusedError) return current;
  }
  return undefined;
}
