import {
  ConfigurationError,
  createHttpClient,
  createSafeLogger,
  type CheckpointStore,
  type Clock,
  type ConnectorContext,
  type ConnectorDefinition,
  type ConnectorLogger,
  type HttpClient,
  type PersonalDataService,
} from "@lethe/connector-sdk";
import { personalDataService } from "@lethe/redaction";
import type { z } from "zod";
import { createMemoryCheckpointStore } from "./memory-checkpoint-store";
import { secretStrings } from "./secret-strings";

export interface ConnectorContextOptions<S extends z.ZodType, K extends z.ZodType> {
  connector: ConnectorDefinition<S, K>;
  /** Raw settings and secrets: parsed with the connector's own schemas, as the runtime does. */
  settings: unknown;
  secrets: unknown;
  signal?: AbortSignal;
  /** Defaults to a fresh in-memory store (nothing to resume). */
  checkpoint?: CheckpointStore;
  /** Defaults to a PII-safe logger writing warnings and errors to stderr. */
  logger?: ConnectorLogger;
  /** Defaults to the SDK's client with short waits, so fault checks run in seconds. */
  http?: HttpClient;
  clock?: Clock;
  instanceId?: string;
  /** Defaults to `@lethe/redaction`'s, the one the runtime supplies. */
  personalData?: PersonalDataService;
}

/**
 * A real `ConnectorContext` for tests: the SDK's HTTP client and logger, an in-memory checkpoint
 * store, `@lethe/redaction`'s personal-data service. The runtime builds the same thing over Postgres.
 */
export function createConnectorContext<S extends z.ZodType, K extends z.ZodType>(
  options: ConnectorContextOptions<S, K>,
): ConnectorContext<z.output<S>, z.output<K>> {
  const { connector } = options;
  const settings = connector.settings.safeParse(options.settings);
  if (!settings.success) {
    throw new ConfigurationError(`The settings of ${connector.id} do not parse: ${describeIssues(settings.error)}`);
  }
  const secrets = connector.secrets.safeParse(options.secrets);
  if (!secrets.success) {
    throw new ConfigurationError(`The secrets of ${connector.id} do not parse: ${describeIssues(secrets.error)}`);
  }
  const signal = options.signal ?? new AbortController().signal;
  return {
    settings: settings.data,
    secrets: secrets.data,
    signal,
    http:
      options.http ??
      createHttpClient({
        signal,
        timeoutMs: 10_000,
        maxRetries: 3,
        baseDelayMs: 10,
        maxDelayMs: 200,
        maxInlineRetryAfterMs: 2_000,
      }),
    log:
      options.logger ??
      createSafeLogger({
        level: "warn",
        secrets: secretStrings(secrets.data),
        sink: (level, message, fields) => {
          process.stderr.write(`[${connector.id}] ${level}: ${message} ${JSON.stringify(fields)}\n`);
        },
      }),
    clock: options.clock ?? { now: () => new Date() },
    checkpoint: options.checkpoint ?? createMemoryCheckpointStore(),
    instance: {
      id: options.instanceId ?? `test-${connector.id}`,
      connectorId: connector.id,
      connectorVersion: connector.version,
    },
    personalData: options.personalData ?? personalDataService,
  };
}

/* Paths and zod's own messages, which name what was expected, never the value received (it may be a secret). */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}
