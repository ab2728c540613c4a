import { AuthError, RateLimitedError, TransientError, type RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { oracleOf, type Oracle } from "../test/oracle";
import { referenceContext } from "../test/reference-context";
import { check } from "./check";
import { sandbox } from "./sandbox/index";

let running: RunningSandbox;
let oracle: Oracle;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1 });
  oracle = oracleOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

describe("check", () => {
  it("passes with the sandbox's credentials in one call", async () => {
    await check(referenceContext(running));
    expect((await oracle.stats()).calls).toEqual({ "GET /api/me": 1 });
  });

  it("fails with AuthError for the sandbox's bad credentials", async () => {
    await expect(check(referenceContext(running, { secrets: running.badCredentials }))).rejects.toBeInstanceOf(AuthError);
  });

  it("turns a 401 into AuthError, lasting 5xx into TransientError and a long 429 into RateLimitedError", async () => {
    await oracle.injectFault({ route: "GET /api/me", kind: "status", status: 401 });
    await expect(check(referenceContext(running))).rejects.toBeInstanceOf(AuthError);
    await oracle.injectFault({ route: "GET /api/me", kind: "status", status: 502, times: 10 });
    await expect(check(referenceContext(running))).rejects.toBeInstanceOf(TransientError);
    await oracle.clearFaults();
    await oracle.injectFault({ route: "GET /api/me", kind: "status", status: 429, retryAfterSeconds: 120, times: 10 });
    await expect(check(referenceContext(running))).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("succeeds after a 429 with a short Retry-After, retried by ctx.http", async () => {
    await oracle.injectFault({ route: "GET /api/me", kind: "status", status: 429, retryAfterSeconds: 0 });
    await check(referenceContext(running));
    expect((await oracle.stats()).throttled).toBe(1);
  });
});
