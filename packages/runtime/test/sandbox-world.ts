import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnyConnector, RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox, type SecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createConnectorInstance } from "../src/connector-instances";
import { createConnectorRegistry, type ConnectorRegistry } from "../src/connector-registry";
import type { RunningWorker } from "../src/worker";
import { startTestWorker, type TestWorkerOptions } from "./start-test-worker";

/*
 * Test support: the world of a test about one vendor's sandbox other than the reference CRM's
 * (recorder, Zendesk, Salesforce): a fresh database, the started sandbox, one connector instance
 * on it, an export folder, and a worker — closed in the reverse order by `close()`.
 */

export interface SandboxWorld<S extends RunningSandbox> {
  database: TestDatabase;
  running: S;
  registry: ConnectorRegistry;
  secretBox: SecretBox;
  instanceId: string;
  exportDirectory: string;
  worker: RunningWorker;
  close(): Promise<void>;
}

export interface SandboxWorldOptions<S extends RunningSandbox> {
  /** The connectors the registry holds (the instance's among them). */
  connectors: readonly AnyConnector[];
  /** Starts the sandbox the instance talks to. */
  startSandbox: () => Promise<S>;
  /** The instance on the sandbox; `settings` default to the sandbox's own. */
  instance: { connectorId: string; name: string; rateLimitPerMinute?: number; settings?: (running: S) => unknown };
  worker?: TestWorkerOptions;
}

export async function openSandboxWorld<S extends RunningSandbox>(options: SandboxWorldOptions<S>): Promise<SandboxWorld<S>> {
  const database = await createTestDatabase();
  const stack: Array<() => Promise<void>> = [() => database.close()];
  const closeAll = async () => {
    // Last opened, first closed: the worker before the sandbox and database it uses.
    for (const close of stack.splice(0).reverse()) await close();
  };
  try {
    const running = await options.startSandbox();
    stack.push(() => running.stop());
    const secretBox = createSecretBox(randomBytes(32));
    const registry = createConnectorRegistry(options.connectors);
    const { settings, ...instance } = options.instance;
    const { id: instanceId } = await createConnectorInstance(
      database,
      { registry, secretBox },
      { ...instance, settings: settings ? settings(running) : running.settings, secrets: running.credentials },
    );
    const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-exports-"));
    stack.push(() => rm(exportDirectory, { recursive: true, force: true }));
    const worker = await startTestWorker({ database, registry, secretBox, exportDirectory }, options.worker);
    stack.push(() => worker.stop());
    return { database, running, registry, secretBox, instanceId, exportDirectory, worker, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
