import { describe, expect, it } from "vitest";
import type * as errors from "./errors";
import { AuthError, ConnectorError, RateLimitedError, TransientError } from "./errors";

describe("typed errors across copies of the SDK", () => {
  it("are instances of the host's classes when a plugin's own copy of the SDK threw them", async () => {
    // A second evaluation of the module: what a plugin installed from npm imports.
    // The query string makes the bundler evaluate the file again (TypeScript cannot follow it).
    const copy = "./errors?plugin-copy";
    const other = (await import(/* @vite-ignore */ copy)) as typeof errors;
    expect(other.TransientError).not.toBe(TransientError);
    const transient = new other.TransientError("vendor down", { retryAfterMs: 5 });
    expect(transient instanceof TransientError).toBe(true);
    expect(transient instanceof ConnectorError).toBe(true);
    expect(transient instanceof AuthError).toBe(false);
    expect(transient instanceof RateLimitedError).toBe(false);

    class PluginAuthError extends other.AuthError {}
    const auth = new PluginAuthError("token revoked");
    expect(auth instanceof AuthError).toBe(true);
    expect(auth instanceof TransientError).toBe(false);
    expect(new Error("plain") instanceof ConnectorError).toBe(false);
    expect(Object.assign(new Error("look-alike"), { code: "transient" }) instanceof TransientError).toBe(false);
  });
});
