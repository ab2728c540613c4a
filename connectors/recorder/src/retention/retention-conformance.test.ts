import type { AnyConnector, ExpiredPage, RunningSandbox } from "@lethe/connector-sdk";
import { conformanceCheck, ConformanceFailure, createConformanceHarness } from "@lethe/connector-testkit";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";
import recorderConnector from "../index";
import recorderSandbox from "../sandbox/index";

/*
 * The conformance suite's retention checks must fail for a recorder connector that lies: one that
 * leaves the oldest call out and reports a call that is not past the cut-off, and one that deletes
 * what it finds. The honest connector passes them in conformance.test.ts.
 */
const seed = 3;
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await recorderSandbox.start({ seed, rateLimitPerMinute: 1_000_000 });
});
afterAll(async () => {
  await sandbox.stop();
});

const recorder: AnyConnector = recorderConnector;
const honest = recorder.findExpired?.bind(recorder);
const run = (id: "retention.finds-exactly-expired" | "retention.reads-only", connector: AnyConnector) =>
  conformanceCheck(id).run(createConformanceHarness(connector, sandbox, seed));

describe("the retention conformance checks against a lying recorder connector", () => {
  it("fail one that misses an expired call and reports one that is not expired", async () => {
    const lying: AnyConnector = {
      ...recorder,
      findExpired: async function* (ctx, input): AsyncGenerator<ExpiredPage> {
        if (!honest) return;
        for await (const page of honest(ctx, input)) yield { ...page, records: page.records.slice(1) };
        yield { records: [{ ref: { type: "recording", id: "rec_notexpired" }, facts: { occurredAt: input.before }, identifiers: [] }], cursor: null };
      },
    };
    const failure = await run("retention.finds-exactly-expired", lying).catch((error: unknown) => error);
    assert(failure instanceof ConformanceFailure, `expected a ConformanceFailure, got ${String(failure)}`);
    expect(failure.message).toMatch(/recording\/rec_notexpired is reported expired before .* but the oracle's retention clock says it is not/);
    expect(failure.message).toMatch(/is past .* per the oracle but was not found/);
  });

  it("fail one that deletes what it finds", async () => {
    const erase = recorder.erase?.bind(recorder);
    const deleting: AnyConnector = {
      ...recorder,
      findExpired: async function* (ctx, input): AsyncGenerator<ExpiredPage> {
        if (!honest || !erase) return;
        for await (const page of honest(ctx, input)) {
          for await (const receipt of erase(ctx, page.records.slice(0, 3).map((record) => record.ref), { action: "erase" })) void receipt;
          // Let the recorder's deletion jobs finish, so the deletion shows in the store.
          await fetch(`${sandbox.url}/__sandbox/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMs: 10 * 60_000 }) });
          yield page;
        }
      },
    };
    await expect(run("retention.reads-only", deleting)).rejects.toThrow(/finding expired records changed/);
  });
});
