import { describe, expect, it } from "vitest";
import { AuthError, TransientError } from "./errors";
import { asTransientNetworkError, describeNetworkError, isNetworkError, networkErrorCode } from "./network-error";

/** What Node's fetch throws: a TypeError whose cause carries the socket's code. */
function fetchFailure(message: string, code?: string): TypeError {
  const cause = code ? Object.assign(new Error("socket"), { code }) : undefined;
  return new TypeError(message, cause ? { cause } : undefined);
}

describe("network errors", () => {
  it("finds the code under fetch's TypeError and says it in words", () => {
    expect(networkErrorCode(fetchFailure("fetch failed", "ECONNRESET"))).toBe("ECONNRESET");
    expect(describeNetworkError(fetchFailure("fetch failed", "ECONNREFUSED"))).toBe("the vendor refused the connection (ECONNREFUSED)");
    expect(describeNetworkError(fetchFailure("terminated", "UND_ERR_SOCKET"))).toBe("the vendor closed the connection (UND_ERR_SOCKET)");
    expect(describeNetworkError(fetchFailure("terminated"))).toBe("the connection was cut while reading the answer");
  });

  it("tells fetch's faults from bugs that happen to be TypeErrors", () => {
    expect(isNetworkError(fetchFailure("fetch failed"))).toBe(true);
    expect(isNetworkError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isNetworkError(new Error("boom"))).toBe(false);
  });

  it("turns a network fault into a readable TransientError and leaves everything else alone", () => {
    const converted = asTransientNetworkError(fetchFailure("fetch failed", "ECONNRESET"), "GET people.search");
    expect(converted).toBeInstanceOf(TransientError);
    expect((converted as Error).message).toBe("GET people.search failed: the connection was reset by the vendor (ECONNRESET)");

    const bug = new TypeError("x is not a function");
    expect(asTransientNetworkError(bug)).toBe(bug);
    const refused = new AuthError("refused");
    expect(asTransientNetworkError(refused)).toBe(refused);
  });
});
