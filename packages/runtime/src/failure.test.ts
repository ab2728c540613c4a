import { AuthError, RateLimitedError, ScopeError, TransientError, VendorContractError } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { InvalidExportInputError } from "./export";
import { classifyFailure, ConnectorProtocolError, describeFailure } from "./failure";

describe("classifyFailure", () => {
  it("reschedules rate limits, retries transient and unknown faults, and stops on the rest", () => {
    expect(classifyFailure(new RateLimitedError("slow down", 9_000))).toEqual({ kind: "rate_limited", retryAfterMs: 9_000 });
    expect(classifyFailure(new TransientError("503"))).toEqual({ kind: "transient" });
    expect(classifyFailure(Object.assign(new Error("connection closed"), { code: "CONNECTION_CLOSED" }))).toEqual({
      kind: "transient",
    });
    expect(classifyFailure(Object.assign(new Error("deadlock"), { code: "40P01" }))).toEqual({ kind: "transient" });
    for (const permanent of [
      new AuthError("401"),
      new ScopeError("403"),
      new VendorContractError("bad page"),
      new ConnectorProtocolError("no receipt"),
      new InvalidExportInputError("bad name"),
    ]) {
      expect(classifyFailure(permanent)).toEqual({ kind: "permanent" });
    }
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
});
