/**
 * Child-process entry: the same erasures as engine-run.ts, as a plain fetch loop with the same
 * concurrency (see plain-erasure.ts). Prints one `RunResult` JSON line.
 *
 * Usage: baseline-run.ts --input <file written by the parent>
 */
import { readFile } from "node:fs/promises";
import { parseBenchArguments } from "../../bench-arguments";
import { measureSection } from "../../section-measurement";
import { erasePlainly } from "./plain-erasure";
import { runInputSchema, type RunResult } from "./protocol";

const { flags } = parseBenchArguments(process.argv.slice(2));
const input = runInputSchema.parse(JSON.parse(await readFile(flags.string("input", ""), "utf8")));
const api = { baseUrl: input.sandbox.url, apiToken: input.sandbox.credentials.apiToken };

const { result: failures, cost } = await measureSection(async () => {
  let next = 0;
  let failed = 0;
  const lane = async () => {
    for (let index = next++; index < input.subjects.length; index = next++) {
      const subject = input.subjects[index];
      if (!subject) continue;
      try {
        await erasePlainly(api, subject);
      } catch (error) {
        failed++;
        process.stderr.write(`baseline: request ${index} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, lane));
  return failed;
});

const requests = input.subjects.length;
const result: RunResult = {
  requests,
  completed: requests - failures,
  outcomes: { completed: requests - failures, ...(failures > 0 ? { failed: failures } : {}) },
  ...cost,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
