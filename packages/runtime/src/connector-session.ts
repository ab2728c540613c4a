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
  getConnectorInstance,
  getInstanceSecrets,
  listSubjectIdentifiers,
  type ConnectorInstance,
  type Database,
} from "@lethe/db";
import { personalDataService } from "@lethe/redaction";
import { checkpointKey, createPostgresCheckpointStore } from "./postgres-checkpoint-store";
import { createPostgresRateLimiter } from "./postgres-rate-limiter";
import type { RuntimeDependencies } from "./runtime-dependencies";

/** Everything one job needs to call one connector instance for one request. */
export interface ConnectorSession {
  connector: AnyConnector;
  instance: ConnectorInstance;
  ctx: ConnectorContext;
  /** The subject's identifiers of the kinds this connector locates by. */
  identifiers: Identifier[];
  /** Secret and identifier values, to scrub from anything stored or logged. */
  sensitiveValues: string[];
}

export interface SessionTarget {
  requestId: string;
  instanceId: string;
  /** Names the checkpoint: each phase resumes its own operation. */
  phase: string;
  signal: AbortSignal;
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
  const instance = await getConnectorInstance(database.db, target.instanceId);
  if (!instance) throw new ConfigurationError(`connector instance ${target.instanceId} no longer exists`);
  const connector = deps.registry.get(instance.connectorId);
  if (!connector) {
    throw new ConfigurationError(`connector "${instance.connectorId}" of instance ${instance.id} is not installed`);
  }
  const settings = connector.settings.safeParse(instance.settings);
  if (!settings.success) {
    throw new ConfigurationError(`settings of instance ${instance.id} no longer parse: ${fieldsOf(settings.error)}`);
  }
  const secrets = connector.secrets.safeParse(await getInstanceSecrets(database.db, deps.secretBox, instance.id));
  if (!secrets.success) {
    throw new ConfigurationError(`secrets of instance ${instance.id} no longer parse: ${fieldsOf(secrets.error)}`);
  }

  const identifiers = await subjectIdentifiersFor(database, target.requestId, connector.identifiers);
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
  const ctx: ConnectorContext = {
    settings: settings.data,
    secrets: secrets.data,
    http: createHttpClient({ rateLimiter, signal: target.signal, fetch: deps.outbound.fetch }),
    log,
    signal: target.signal,
    clock: { now: () => new Date() },
    checkpoint: createPostgresCheckpointStore(
      database,
      checkpointKey(target.requestId, instance.id, target.phase),
    ),
    instance: { id: instance.id, connectorId: connector.id, connectorVersion: connector.version },
    personalData: personalDataService,
  };
  return { connector, instance, ctx, identifiers, sensitiveValues: [...secretValues, ...identifierValues] };
}

async function subjectIdentifiersFor(
  database: Database,
  requestId: string,
  kinds: readonly IdentifierKind[],
): Promise<Identifier[]> {
  const rows = await listSubjectIdentifiers(database.db, requestId);
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
