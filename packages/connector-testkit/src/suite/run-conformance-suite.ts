import type { AnyConnector, SandboxDefinition } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, it } from "vitest";
import { checkGroups, checkIds, conformanceCheck, type CheckId } from "../checks/catalog";
import { startConformanceHarness, type ConformanceHarness } from "../harness/conformance-harness";

export interface ConformanceSuiteOptions {
  connector: AnyConnector;
  sandbox: SandboxDefinition;
  /** Seed of the sandbox's world; the same seed gives the same people. Default 1. */
  seed?: number;
  /** The sandbox's rate limit during the suite (requests per minute); high by default. */
  rateLimitPerMinute?: number;
  /** Checks to skip, each with the written reason the suite prints. */
  skip?: Partial<Record<CheckId, string>>;
}

/** A check may take a while: locate over every subject, a 1 s Retry-After, a slowed sandbox. */
const checkTimeoutMs = 60_000;
const sandboxStartTimeoutMs = 120_000;

/**
 * Registers the conformance suite of docs/connectors.md as vitest tests: one `describe` per group, one
 * `it` per check, against the connector's sandbox started once for the file. Each check that
 * changes the sandbox resets it first, so checks do not depend on each other's order.
 */
export function runConformanceSuite(options: ConformanceSuiteOptions): void {
  const { connector } = options;
  let harness: ConformanceHarness | undefined;
  const requireHarness = () => {
    if (!harness) throw new Error(`The sandbox of ${connector.id} did not start; see the beforeAll failure`);
    return harness;
  };

  describe(`connector ${connector.id}@${connector.version} conformance`, () => {
    beforeAll(async () => {
      harness = await startConformanceHarness(options);
    }, sandboxStartTimeoutMs);

    afterAll(async () => {
      await harness?.sandbox.stop();
    });

    for (const { group, title } of checkGroups) {
      describe(`${group}. ${title}`, () => {
        for (const id of checkIds) {
          const check = conformanceCheck(id);
          if (check.group !== group) continue;
          const reason = options.skip?.[id] ?? check.notApplicable?.(connector);
          if (reason !== undefined) {
            // docs/connectors.md: a check may be skipped only with a written reason that the suite prints.
            // eslint-disable-next-line no-console
            console.warn(`[conformance] ${connector.id}: skipped ${id} — ${reason}`);
            it.skip(`${check.title} [${id}] — skipped: ${reason}`, () => undefined);
            continue;
          }
          it(`${check.title} [${id}]`, () => check.run(requireHarness()), checkTimeoutMs);
        }
      });
    }
  });
}
