import path from "node:path";
import { createSecretBox, loadSecretKey, openDatabase, type Database } from "@lethe/db";
import {
  createConnectorRegistry,
  fileCheckpointStore,
  loadCheckpointKey,
  prepareWorkerSchema,
  type AuditCheckpointing,
  type ConnectorRegistry,
} from "@lethe/runtime";
import type { LetheEnvironment } from "./env";
import { newHomeWarning } from "./home-check";
import { loadConnectorCatalog } from "./plugins/connector-catalog";
import type { LoadedPlugin } from "./plugins/load-plugins";

export interface LetheHandle {
  database: Database;
  secretBox: ReturnType<typeof createSecretBox>;
  registry: ConnectorRegistry;
  /** The connector plugins loaded besides the bundled connectors. */
  plugins: readonly LoadedPlugin[];
  /** Signed audit checkpoints: key and append-only file in LETHE_HOME (and the webhook, if set). */
  auditCheckpoints: AuditCheckpointing;
  close(): Promise<void>;
}

/**
 * Opens Lethe's storage the same way for every command: the embedded PostgreSQL under
 * `<home>/pg` (or `DATABASE_URL`), migrations applied, the job queue's schema ready, and the
 * secret key that seals connector credentials, and the key and file of signed audit checkpoints. A long-running command (`lethe start`) has the
 * embedded server restarted whenever it dies (`superviseDatabase`).
 */
export interface OpenLetheOptions {
  /** Restart the embedded PostgreSQL whenever it dies (long-running commands). */
  superviseDatabase?: boolean;
  /** The embedded server's progress and PostgreSQL's own log. */
  log?: (message: string) => void;
  /** Deaths and restarts of the supervised server. */
  reportRestart?: (message: string) => void;
  /**
   * Warn on stderr when LETHE_HOME holds no database yet (default true): every command but
   * `lethe start`, whose first run creates one by design and says where.
   */
  warnIfNewHome?: boolean;
}

export async function openLethe(env: LetheEnvironment, options: OpenLetheOptions = {}): Promise<LetheHandle> {
  const warning = options.warnIfNewHome === false ? undefined : await newHomeWarning(env);
  if (warning) process.stderr.write(`${warning}\n`);
  // Plugins first: a refused one stops the command before the database starts.
  const catalog = await loadConnectorCatalog(env.connectorSources);
  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDirectory: path.join(env.home, "pg"),
    supervise: options.superviseDatabase ?? false,
    log: options.log,
    reportRestart: options.reportRestart,
  });
  try {
    await prepareWorkerSchema(database);
    const key = await loadSecretKey({ keyFromEnvironment: env.secretKey, directory: env.home });
    return {
      database,
      secretBox: createSecretBox(key),
      registry: createConnectorRegistry(catalog.connectors),
      plugins: catalog.plugins,
      auditCheckpoints: {
        key: await loadCheckpointKey({ keyFromEnvironment: env.auditCheckpoints.keyPem, directory: env.home }),
        store: fileCheckpointStore({ directory: env.home, webhookUrl: env.auditCheckpoints.webhookUrl }),
      },
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
