import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { Capabilities } from "./definition";
import { defineConnector } from "./define-connector";
import { capabilityProblems } from "./capability-operations";
import { declaredOperations } from "./declared-operations";
import type { ConnectorContext } from "./context";
import type { ErasureReceipt, RecordRef } from "./records";

/*
 * The `@ts-expect-error` lines below are the compile-time half of this file: `tsc -p .` (the
 * package's typecheck) fails if any of them stops being an error, i.e. if defineConnector starts
 * accepting a capability without its operation or an operation without its capability.
 */

const base = {
  id: "acme-crm",
  version: "1.0.0",
  title: "Acme CRM",
  description: "A CRM",
  docsUrl: "https://example.com/docs",
  settings: z.object({ baseUrl: z.url() }),
  secrets: z.object({ apiToken: z.string() }),
  examples: { settings: { baseUrl: "https://acme.example.com" }, secrets: { apiToken: "t0ken" } },
  identifiers: ["email" as const],
  inventory: {
    person: {
      categories: ["contact" as const],
      fields: { id: ["contact" as const] },
      purposes: ["Keeping in touch"],
      lawfulBasis: "contract" as const,
      retention: { period: "P1Y", from: "the last contact" },
    },
  },
  recordSchemas: { person: z.object({ id: z.string() }) },
  rateLimit: { requestsPerMinute: 60 },
  async check() {},
  async *locate() {},
};
const none = { locate: true, export: false, erase: false, redact: false, hold: false, discover: false, confirm: false } as const;

async function* restricted(_ctx: ConnectorContext, refs: RecordRef[], restriction: { lift: boolean }): AsyncIterable<ErasureReceipt> {
  for (const ref of refs) yield { ref, outcome: restriction.lift ? "unrestricted" : "restricted" };
}
async function rectified(_ctx: ConnectorContext, ref: RecordRef): Promise<ErasureReceipt> {
  return { ref, outcome: "rectified" };
}

describe("defineConnector ties each declared capability to its operation", () => {
  it("accepts a definition whose capabilities and operations agree", () => {
    const connector = defineConnector({ ...base, capabilities: { ...none, restrict: true, rectify: { person: ["email"] } }, restrict: restricted, rectify: rectified });
    expect(connector.capabilities.restrict).toBe(true);
  });

  it("refuses, at compile time, a capability declared without its operation", () => {
    const definitions = [
      // @ts-expect-error restrict: true needs restrict()
      defineConnector({ ...base, capabilities: { ...none, restrict: true } }),
      // @ts-expect-error rectify fields need rectify()
      defineConnector({ ...base, capabilities: { ...none, rectify: { person: ["email"] } } }),
      // @ts-expect-error cardSweep: true needs sweepCardNumbers()
      defineConnector({ ...base, capabilities: { ...none, cardSweep: true } }),
      // @ts-expect-error recordingAudio needs openRecordingAudio()
      defineConnector({ ...base, capabilities: { ...none, recordingAudio: { recordType: "person" } } }),
      // @ts-expect-error erase with a mode needs erase()
      defineConnector({ ...base, capabilities: { ...none, erase: { mode: "hard" } } }),
    ];
    // The run-time half: the same rule, for plugins written without the compiler.
    for (const definition of definitions) expect(capabilityProblems(definition)).not.toEqual([]);
  });

  it("refuses, at compile time, an operation whose capability is declared absent", () => {
    const definitions = [
      // @ts-expect-error restrict() with restrict: false
      defineConnector({ ...base, capabilities: { ...none, restrict: false }, restrict: restricted }),
      // @ts-expect-error rectify() with no rectify capability at all
      defineConnector({ ...base, capabilities: none, rectify: rectified }),
      // @ts-expect-error readBack() with readBack absent
      defineConnector({ ...base, capabilities: none, async *readBack() {} }),
    ];
    // The run-time half: the same rule, for plugins written without the compiler.
    for (const definition of definitions) expect(capabilityProblems(definition)).not.toEqual([]);
  });

  it("leaves a capabilities object typed only as Capabilities to the run-time check", () => {
    const capabilities: Capabilities = { ...none };
    const connector = defineConnector({ ...base, capabilities });
    expect(connector.contractVersion).toBe("1.1");
  });
});

describe("declaredOperations", () => {
  it("returns exactly the operations both declared and implemented, bound to the connector", async () => {
    const connector = defineConnector({ ...base, capabilities: { ...none, restrict: true, rectify: { person: ["email"] } }, restrict: restricted, rectify: rectified });
    const operations = declaredOperations(connector);
    expect(Object.keys(operations).sort()).toEqual(["rectify", "restrict"]);
    expect(operations.rectify?.fields).toEqual({ person: ["email"] });
    const ref = { type: "person", id: "p1" };
    expect((await operations.rectify?.apply({} as Parameters<NonNullable<typeof operations.rectify>["apply"]>[0], ref, []))?.outcome).toBe("rectified");
  });

  it("withholds an operation a run-time definition implements without declaring", () => {
    const capabilities: Capabilities = { ...none, readBack: false };
    const connector = defineConnector({ ...base, capabilities, async *readBack() {} });
    expect(declaredOperations(connector).readBack).toBeUndefined();
  });
});
