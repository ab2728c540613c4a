import { ConnectorError, TransientError } from "./errors";

/**
 * Plain words for the error codes Node's fetch (undici) and sockets put in an error's `cause`.
 * fetch itself only says `TypeError: fetch failed` (or `terminated` mid-body), which tells an
 * officer nothing; the code underneath says whether the vendor hung up, refused or vanished.
 */
const networkCodeWords: Readonly<Record<string, string>> = {
  ECONNRESET: "the connection was reset by the vendor",
  ECONNREFUSED: "the vendor refused the connection",
  ECONNABORTED: "the connection was aborted",
  EPIPE: "the connection was closed while sending",
  ETIMEDOUT: "the connection timed out",
  ENOTFOUND: "the vendor's host name could not be resolved",
  EAI_AGAIN: "the vendor's host name could not be resolved (DNS temporarily failed)",
  EHOSTUNREACH: "the vendor's host is unreachable",
  ENETUNREACH: "the network is unreachable",
  UND_ERR_SOCKET: "the vendor closed the connection",
  UND_ERR_CLOSED: "the connection was closed",
  UND_ERR_CONNECT_TIMEOUT: "connecting to the vendor timed out",
  UND_ERR_HEADERS_TIMEOUT: "the vendor sent no answer in time",
  UND_ERR_BODY_TIMEOUT: "the vendor stopped sending the body",
  UND_ERR_ABORTED: "the request was aborted",
};

/** The first network error code found along an error's `cause` chain (ECONNRESET, UND_ERR_SOCKET …). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code in networkCodeWords) return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * Whether this is a fault of the connection rather than of anyone's code: fetch's own
 * `TypeError: fetch failed` / `terminated`, or any error carrying a known network code.
 */
export function isNetworkError(error: unknown): boolean {
  if (networkErrorCode(error) !== undefined) return true;
  return error instanceof TypeError && /^(fetch failed|terminated)$/.test(error.message);
}

/** "the connection was reset by the vendor (ECONNRESET)", or a generic phrase when no code is known. */
export function describeNetworkError(error: unknown): string {
  const code = networkErrorCode(error);
  if (code) return `${networkCodeWords[code]} (${code})`;
  if (error instanceof TypeError && error.message === "terminated") return "the connection was cut while reading the answer";
  return "the network request failed";
}

/**
 * A network fault thrown outside the HTTP client's own retries (a body read, a library of the
 * connector's) as the `TransientError` the runtime retries, with a readable message; anything
 * else is returned as it is.
 */
export function asTransientNetworkError(error: unknown, what = "a call to the vendor"): unknown {
  if (error instanceof ConnectorError || !isNetworkError(error)) return error;
  return new TransientError(`${what} failed: ${describeNetworkError(error)}`, { cause: error });
}
