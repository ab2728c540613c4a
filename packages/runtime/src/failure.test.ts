import { AuthError, RateLimitedError, ScopeError, TransientError, VendorContractError } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { BinarySizeMismatchError, InvalidExportInputError } from "./export";
import { adviceFor, classifyFailure, ConnectorProtocolError, describeFailure } from "./failure";

/** What Node's fetch throws when the vendor hangs up: a bare TypeError, the socket's code in its cause. */
const fetchFailed = (code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error("socket"), { code }) });

describe("classifyFailure", () => {
  it("reschedules rate limits, retries transient and unknown faults, and stops on the rest", () => {
    expect(classifyFailure(new RateLimitedError("slow down", 9_000))).toEqual({ kind: "rate_limited", retryAfterMs: 9_000 });
    expect(classifyFailure(new TransientError("503"))).toEqual({ kind: "transient" });
    expect(classifyFailure(new TransientError("503", { retryAfterMs: 30_000 }))).toEqual({ kind: "transient", retryAfterMs: 30_000 });
    expect(classifyFailure(fetchFailed("ECONNRESET"))).toEqual({ kind: "transient" });
    expect(classifyFailure(new TypeError("terminated"))).toEqual({ kind: "transient" });
    expect(classifyFailure(Object.assign(new Error("connection closed"), { code: "CONNECTION_CLOSED" }))).toEqual({
      kind: "transient",
    });
    expect(classifyFailure(Object.assign(new Error("deadlock"), { code: "40P01" }))).toEqual({ kind: "transient" });
    for (const permanent of [
      new AuthError("401"),
      new ScopeError("403"),
      new ConnectorProtocolError("no receipt"),
      new InvalidExportInputError("bad name"),
    ]) {
      expect(classifyFailure(permanent)).toEqual({ kind: "permanent" });
    }
  });

  it("retries a garbled answer as a possible contract breach, not as a certain one", () => {
    expect(classifyFailure(new VendorContractError("bad page", { route: "people.search" }))).toEqual({ kind: "contract", at: "people.search" });
    const mismatch = new BinarySizeMismatchError({ instanceId: "i", ref: { type: "file", id: "1" }, declared: 10, streamed: 5, complete: true });
    expect(classifyFailure(mismatch)).toEqual({ kind: "contract", at: "binary file" });
  });

  it("treats any failure during shutdown as an interruption to retry", () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyFailure(new AuthError("401"), controller.signal)).toEqual({ kind: "aborted" });
  });
});

describe("describeFailure", () => {
  it("keeps the error's class and message but no identifier or secret", () => {
    const error = new VendorContractError(
      "person ada@example.com (+44 20 7946 0958) came back without an id; token rcrm_secret_123 used",
    );
    const line = describeFailure(error, ["rcrm_secret_123", "ada@example.com"]);
    expect(line).toMatch(/^VendorContractError: person \[redacted\] \(\[redacted\]\) came back without an id/);
    expect(line).not.toMatch(/ada@|7946|rcrm_secret/);
  });

  it("says what a bare fetch TypeError meant instead of only its class", () => {
    expect(describeFailure(fetchFailed("ECONNREFUSED"), [])).toBe(
      "TransientError: the network failed: the vendor refused the connection (ECONNREFUSED)",
    );
    expect(describeFailure(new TypeError(""), [])).toBe("TypeError: (no message)");
  });
});

describe("adviceFor", () => {
  it("tells the officer what to do, by what went wrong", () => {
    expect(adviceFor(new AuthError("401"), { kind: "permanent" })).toMatch(/refused Lethe's credentials: renew them/);
    expect(adviceFor(new ScopeError("403"), { kind: "permanent" })).toMatch(/credentials lack a permission/);
    expect(adviceFor(new TransientError("503"), { kind: "transient" }, { attempts: 8, minutes: 12 })).toBe(
      "The system kept failing (tried 8 times over 12 min): check that it is up and reachable, then file the request again for this system.",
    );
    expect(adviceFor(new VendorContractError("bad"), { kind: "contract", at: "people.search" }, { attempts: 3, minutes: 0 })).toMatch(
      /^The system kept answering in a form Lethe does not understand \(tried 3 times over 0 min\)/,
    );
    expect(adviceFor(new TypeError("x is not a function"), { kind: "transient" })).toMatch(/^The system kept failing/);
    expect(adviceFor(new RangeError("bug"), { kind: "permanent" })).toMatch(/unexpected error/);
  });
});
