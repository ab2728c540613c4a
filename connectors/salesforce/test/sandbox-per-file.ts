import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSalesforceSandbox } from "../src/sandbox/start-sandbox";

type SalesforceSandbox = Awaited<ReturnType<typeof startSalesforceSandbox>>;

/**
 * One sandbox for the test file that calls this (at its top level), back to its seeded world,
 * clock and knobs before every test.
 */
export function sandboxPerFile(): { sandbox: () => SalesforceSandbox; oracle: () => OracleClient } {
  let running: SalesforceSandbox | undefined;
  const sandbox = () => {
    if (!running) throw new Error("The sandbox is not started yet: use it inside a test");
    return running;
  };
  const oracle = () => createOracleClient(sandbox().url);
  beforeAll(async () => {
    running = await startSalesforceSandbox();
  });
  afterAll(() => running?.stop());
  beforeEach(() => oracle().reset());
  return { sandbox, oracle };
}
