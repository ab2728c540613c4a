import type { TestCase, TestModule } from "vitest/node";
import { parseCheckName, type CheckOutcome } from "./check-outcome";
import { vendorCallsIn } from "./vendor-call";

/** The conformance report's rows, from vitest's finished test modules. */
export function collectOutcomes(modules: readonly TestModule[]): { checks: CheckOutcome[]; errors: string[]; heading?: string } {
  const checks: CheckOutcome[] = [];
  const errors: string[] = [];
  let heading: string | undefined;
  for (const module of modules) {
    for (const error of module.errors()) errors.push(error.message);
    for (const suite of module.children.allSuites()) {
      if (suite.parent.type === "module") {
        heading = suite.name;
        // A failed beforeAll (the sandbox did not start) fails the suite, not a check.
        for (const error of suite.errors()) errors.push(error.message);
      }
    }
    for (const test of module.children.allTests()) checks.push(outcomeOf(test));
  }
  return { checks, errors, ...(heading ? { heading } : {}) };
}

function outcomeOf(test: TestCase): CheckOutcome {
  const { title, id, skipReason } = parseCheckName(test.name);
  const group = test.parent.type === "suite" ? test.parent.name : "checks";
  const result = test.result();
  const durationMs = test.diagnostic()?.duration;
  const base = { group, title, ...(id ? { id } : {}), ...(durationMs !== undefined ? { durationMs } : {}) };
  if (result.state === "failed") {
    const vendorCalls = vendorCallsIn(test.meta());
    const reason = result.errors.map((error) => error.message).join("\n");
    return { ...base, state: "failed", reason, ...(vendorCalls ? { vendorCalls } : {}) };
  }
  if (result.state === "skipped") return { ...base, state: "skipped", reason: skipReason ?? result.note ?? "skipped" };
  return { ...base, state: result.state === "passed" ? "passed" : "failed" };
}
