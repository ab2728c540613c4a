import { ConfigurationError, createHttpClient, createSafeLogger, type AnyConnector, type ConnectorContext } from "@lethe/connector-sdk";
import { getConnectorInstance, getInstanceSecrets } from "@lethe/db";
import { personalDataService } from "@lethe/redaction";
import { createPostgresCheckpointStore } from "./postgres-checkpoint-store";
import { createPostgresRateLimiter } from "./postgres-rate-limiter";
import type { RuntimeDependencies } from "./runtime-dependencies";

export interface InstanceSession {
  connector: AnyConnector;
  ctx: ConnectorContext;
  /** The instance's secret values, to scrub from any error kept. */
  sensitiveValues: string[];
}

/**
 * A connector's `ctx` for one instance outside any request (a PCI sweep, a consent-ledger read, a
 * consent remediation): like `openConnectorSession`'s — settings and secrets parsed, the
 * instance's shared rate limiter, a scrubbing logger carrying `logFields` — with the work's own
 * checkpoint key and no subject identifiers. An instance that is gone, or whose settings or
 * secrets no longer parse, is a `ConfigurationError`.
 */
export async function openInstanceSession(
  deps: RuntimeDependencies,
  input: { instanceId: string; checkpointKey: string; signal: AbortSignal; logFields: Record<string, string> },
): Promise<InstanceSession> {
  const instance = await getConnectorInstance(deps.database.db, input.instanceId);
  if (!instance) throw new ConfigurationError(`connector instance ${input.instanceId} no longer exists`);
  const connector = deps.registry.get(instance.connectorId);
  if (!connector) throw new ConfigurationError(`connector "${instance.connectorId}" is not installed`);
  const settings = connector.settings.safeParse(instance.settings);
  const secrets = connector.secrets.safeParse(await getInstanceSecrets(deps.database.db, deps.secretBox, instance.id));
  if (!settings.success || !secrets.success) throw new ConfigurationError(`settings or secrets of instance ${instance.id} no longer parse`);
  const secretValues = stringLeaves(secrets.data);
  const fields = { ...input.logFields, instanceId: instance.id };
  const ctx: ConnectorContext = {
    settings: settings.data,
    secrets: secrets.data,
    http: createHttpClient({
      rateLimiter: createPostgresRateLimiter({
        database: deps.database,
        instanceId: instance.id,
        requestsPerMinute: instance.rateLimitPerMinute ?? connector.rateLimit.requestsPerMinute,
      }),
      signal: input.signal,
      fetch: deps.outbound.fetch,
    }),
    log: createSafeLogger({ sink: (level, message, extra) => deps.log(level, message, { ...extra, ...fields }), level: deps.logLevel, secrets: secretValues }),
    signal: input.signal,
    clock: { now: () => new Date() },
    checkpoint: createPostgresCheckpointStore(deps.database, input.checkpointKey),
    instance: { id: instance.id, connectorId: connector.id, connectorVersion: connector.version },
    personalData: personalDataService,
  };
  return { connector, ctx, sensitiveValues: secretValues };
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringLeaves);
  return [];
}
