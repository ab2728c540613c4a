import path from "node:path";
import { createSecretBox, loadSecretKey, openDatabase, type Database } from "@lethe/db";
import { createConnectorRegistry, prepareWorkerSchema, type ConnectorRegistry } from "@lethe/runtime";
import type { LetheEnvironment } from "./env";
import { loadInstalledConnectors } from "./installed-connectors.gen";

export interface LetheHandle {
  database: Database;
  secretBox: ReturnType<typeof createSecretBox>;
  registry: ConnectorRegistry;
  close(): Promise<void>;
}

/**
 * Opens Lethe's storage the same way for every command: the embedded PostgreSQL under
 * `<home>/pg` (or `DATABASE_URL`), migrations applied, the job queue's schema ready, and the
 * secret key that seals connector credentials.
 */
export async function openLethe(env: LetheEnvironment): Promise<LetheHandle> {
  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDirectory: path.join(env.home, "pg"),
  });
  try {
    await prepareWorkerSchema(database);
    const key = await loadSecretKey({ keyFromEnvironment: env.secretKey, directory: env.home });
    return {
      database,
      secretBox: createSecretBox(key),
      registry: createConnectorRegistry(await loadInstalledConnectors()),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
