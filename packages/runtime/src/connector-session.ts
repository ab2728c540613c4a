import {
  ConfigurationError,
  createHttpClient,
  createSafeLogger,
  type AnyConnector,
  type ConnectorContext,
  type Identifier,
  type IdentifierKind,
} from "@lethe/connector-sdk";
import {
  getConnectorInstanceWithSecrets,
  listSubjectIdentifiers,
  type ConnectorInstance,
  type SubjectIdentifierRow,
} from "@lethe/db";
import { personalDataService } from "@lethe/redaction";
import { checkpointKey, createPostgresCheckpointStore, type RuntimeCheckpointStore } from "./postgres-checkpoint-store";
import { createPostgresRateLimiter } from "./postgres-rate-limiter";
import type { RuntimeDependencies } from "./runtime-dependencies";

/** Everything one job needs to call one connector instance for one request. */
export interface ConnectorSession {
  connector: AnyConnector;
  instance: ConnectorInstance;
  ctx: ConnectorContext;
  /** The subject's identifiers of the kinds this connector locates by. */
  identifiers: Identifier[];
  /** Every identifier row of the request, of any kind, as read when the session opened. */
  identifierRows: SubjectIdentifierRow[];
  /** Secret and identifier values, to scrub from anything stored or logged. */
  sensitiveValues: string[];
  /** `ctx.checkpoint`, with `flush` for a task that defers the connector's saves. */
  checkpoint: RuntimeCheckpointStore;
}

export interface SessionTarget {
  requestId: string;
  instanceId: string;
  /** Names the checkpoint: each phase resumes its own operation. */
  phase: string;
  signal: AbortSignal;
  /**
   * The task stores yielded items in batches and flushes the connector's checkpoint after each
   * (postgres-checkpoint-store.ts); default: every save is written at once.
   */
  deferCheckpoints?: boolean;
  /**
   * The job's first run (graphile-worker's first attempt, no retry of ours): no interrupted run
   * left a checkpoint to resume, so `ctx.checkpoint.load()` does not read one.
   */
  firstRun?: boolean;
}

/**
 * Builds the `ctx` of docs/connectors.md for one job: settings parsed with the connector's schema,
 * secrets opened from the secret box and parsed, an HTTP client behind the instance's shared
 * Postgres rate limiter that connects only where the outbound guard allows, a logger that scrubs this instance's secrets and this subject's
 * identifiers, a checkpoint store keyed by request, instance and phase, the job's abort signal, and
 * `@lethe/redaction`'s personal-data service.
 * Settings or secrets that no longer parse (a connector upgrade tightened its schema) are a
 * `ConfigurationError`, which fails the task without retrying.
 */
export async function openConnectorSession(
  deps: RuntimeDependencies,
  target: SessionTarget,
): Promise<ConnectorSession> {
  const { database } = deps;
  // The instance and its secrets in one read, the identifiers in another: once per job.
  const found = await getConnectorInstanceWithSecrets(database.db, deps.secretBox, target.instanceId);
  if (!found) throw new ConfigurationError(`connector instance ${target.instanceId} no longer exists`);
  const { instance } = found;
  const connector = deps.registry.get(instance.connectorId);
  if (!connector) {
    throw new ConfigurationError(`connector "${instance.connectorId}" of instance ${instance.id} is not installed`);
  }
  const settings = connector.settings.safeParse(instance.settings);
  if (!settings.success) {
    throw new ConfigurationError(`settings of instance ${instance.id} no longer parse: ${fieldsOf(settings.error)}`);
  }
  const secrets = connector.secrets.safeParse(found.secrets);
  if (!secrets.success) {
    throw new ConfigurationError(`secrets of instance ${instance.id} no longer parse: ${fieldsOf(secrets.error)}`);
  }

  const identifierRows = await listSubjectIdentifiers(database.db, target.requestId);
  const identifiers = identifiersOfKinds(identifierRows, connector.identifiers);
  const secretValues = stringLeaves(secrets.data);
  const identifierValues = identifiers.map((identifier) => identifier.value);
  const fields = { requestId: target.requestId, instanceId: instance.id, phase: target.phase };
  const log = createSafeLogger({
    sink: (level, message, extra) => deps.log(level, message, { ...extra, ...fields }),
    level: deps.logLevel,
    secrets: secretValues,
    identifiers: identifierValues,
  });
  const rateLimiter = createPostgresRateLimiter({
    database,
    instanceId: instance.id,
    requestsPerMinute: instance.rateLimitPerMinute ?? connector.rateLimit.requestsPerMinute,
    ...(deps.rateLimitLeases ? { leased: deps.rateLimitLeases.of(instance.id), lease: deps.rateLimitLeases.options } : {}),
  });
  const checkpoint = createPostgresCheckpointStore(database, checkpointKey(target.requestId, instance.id, target.phase), {
    defer: target.deferCheckpoints ?? false,
    firstRun: target.firstRun ?? false,
  });
  const ctx: ConnectorContext = {
    settings: settings.data,
    secrets: secrets.data,
    http: createHttpClient({ rateLimiter, signal: target.signal, fetch: deps.outbound.fetch }),
    log,
    signal: target.signal,
    clock: { now: () => new Date() },
    checkpoint,
    instance: { id: instance.id, connectorId: connector.id, connectorVersion: connector.version },
    personalData: personalDataService,
  };
  return { connector, instance, ctx, identifiers, identifierRows, sensitiveValues: [...secretValues, ...identifierValues], checkpoint };
}

function identifiersOfKinds(rows: readonly SubjectIdentifierRow[], kinds: readonly IdentifierKind[]): Identifier[] {
  const accepted = (kind: string): kind is IdentifierKind => (kinds as readonly string[]).includes(kind);
  const identifiers: Identifier[] = [];
  for (const row of rows) {
    if (!accepted(row.kind)) continue;
    identifiers.push({ kind: row.kind, value: row.value, ...(row.system ? { system: row.system } : {}) });
  }
  return identifiers;
}

/** Every string inside a parsed secrets value (tokens nested in objects included). */
function stringLeaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringLeaves);
  return [];
}

function fieldsOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }> }): string {
  return error.issues.map((issue) => issue.path.map(String).join(".") || "(root)").join(", ");
}
