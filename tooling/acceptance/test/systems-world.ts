import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnyConnector, RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createConnectorInstance, createConnectorRegistry, type ConnectorRegistry, type RunningWorker } from "@lethe/runtime";
import { startTestWorker, type TestWorkerOptions } from "@lethe/runtime/testing";

/*
 * Test support: an organisation with several systems — a fresh database, one started sandbox and
 * one connector instance per system, an export folder and a worker — closed in reverse order.
 */

export interface SystemSpec<S extends RunningSandbox = RunningSandbox> {
  connector: AnyConnector;
  start: () => Promise<S>;
  name: string;
}

export interface OpenSystem<S extends RunningSandbox = RunningSandbox> {
  running: S;
  instanceId: string;
}

export interface SystemsWorld<T extends Record<string, RunningSandbox>> {
  database: TestDatabase;
  registry: ConnectorRegistry;
  systems: { [K in keyof T]: OpenSystem<T[K]> };
  exportDirectory: string;
  worker: RunningWorker;
  close(): Promise<void>;
}

export async function openSystemsWorld<T extends Record<string, RunningSandbox>>(
  specs: { [K in keyof T]: SystemSpec<T[K]> },
  worker: TestWorkerOptions = {},
): Promise<SystemsWorld<T>> {
  const database = await createTestDatabase();
  const stack: Array<() => Promise<void>> = [() => database.close()];
  const closeAll = async () => {
    for (const close of stack.splice(0).reverse()) await close();
  };
  try {
    const registry = createConnectorRegistry(Object.values<SystemSpec>(specs).map((spec) => spec.connector));
    const secretBox = createSecretBox(randomBytes(32));
    const systems: Record<string, OpenSystem> = {};
    for (const [key, spec] of Object.entries<SystemSpec>(specs)) {
      const running = await spec.start();
      stack.push(() => running.stop());
      const { id } = await createConnectorInstance(
        database,
        { registry, secretBox },
        { connectorId: spec.connector.id, name: spec.name, rateLimitPerMinute: 100_000, settings: running.settings, secrets: running.credentials },
      );
      systems[key] = { running, instanceId: id };
    }
    const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-acceptance-"));
    stack.push(() => rm(exportDirectory, { recursive: true, force: true }));
    const started = await startTestWorker({ database, registry, secretBox, exportDirectory }, worker);
    stack.push(() => started.stop());
    return { database, registry, systems: systems as SystemsWorld<T>["systems"], exportDirectory, worker: started, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
