import path from "node:path";
import type { RequestType } from "@lethe/core";
import { parseEnginePolicy, parseOutboundAllowList, parseVerificationPolicy, type EnginePolicy } from "@lethe/runtime";
import { z } from "zod";
import type { CatalogSources } from "./plugins/connector-catalog";
import { parsePluginList } from "./plugins/plugin-specifiers";

/**
 * The one place the CLI reads the process environment (docs/style.md: the environment is read in one place).
 * Everything else receives these values as arguments.
 */
const defaultHome = ".lethe";
const defaultPort = 4400;
const defaultRetentionFile = "lethe.retention.json";

const logLevelSchema = z.enum(["debug", "info", "warn", "error"]).default("info");
export type CliLogLevel = z.infer<typeof logLevelSchema>;

const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  LETHE_HOME: z.string().min(1).optional(),
  LETHE_SECRET_KEY: z.string().min(1).optional(),
  LETHE_TIME_ZONE: z.string().min(1).default("UTC"),
  LETHE_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 region such as GB or US")
    .default("GB"),
  LETHE_PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
  LETHE_LOG_LEVEL: logLevelSchema,
  /** First-run admin for demos and tests; ignored once any user exists. */
  LETHE_BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  LETHE_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** Request types that wait for identity verification; access and portability always do. */
  LETHE_VERIFY_REQUEST_TYPES: z.string().optional(),
  /** Open requests with at most this many days left raise `deadline.due_soon`. */
  LETHE_DUE_SOON_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** Days a closed request keeps its identifiers before minimisation (CCPA: 24 months of records). */
  LETHE_REQUEST_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(730),
  /** Request types whose plan runs without a person's approval (rectification never does). */
  LETHE_AUTO_APPROVE: z
    .string()
    .regex(/^\s*[a-z]*(\s*,\s*[a-z]+)*\s*$/, "must be a comma-separated list of request types")
    .optional(),
  LETHE_REDACT_SCOPE: z.enum(["personal-data", "whole-party"]).default("personal-data"),
  /** Whether verification searches again besides reading back by id (docs/rights-engine.md, "Verification"). */
  LETHE_VERIFY_SEARCH: z.enum(["without-read-back", "always"]).default("without-read-back"),
  /** PKCS#8 PEM Ed25519 key that signs audit checkpoints; default `$LETHE_HOME/audit-checkpoint.key`. */
  LETHE_AUDIT_CHECKPOINT_KEY: z.string().min(1).optional(),
  /** Also POST every audit checkpoint here (a copy kept off this machine). */
  LETHE_AUDIT_CHECKPOINT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Minutes between the worker's audit checkpoints. */
  LETHE_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /**
   * Comma-separated host names, addresses and CIDR ranges that connectors and webhooks may reach
   * although they are private or loopback (an on-premises vendor). Empty: public addresses only.
   */
  LETHE_OUTBOUND_ALLOW: z.string().optional(),
  /** Comma-separated connector plugins (package names or paths) to load besides the bundled connectors. */
  LETHE_CONNECTORS: z.string().optional(),
  /** The checked-in retention schedules (docs/retention-schedules.md); default `lethe.retention.json` here, if present. */
  LETHE_RETENTION_FILE: z.string().min(1).optional(),
});

export interface LetheEnvironment {
  databaseUrl: string | undefined;
  /** Where Lethe keeps its own files: embedded database, secret key, exports. */
  home: string;
  /** Whether `home` is the default `./.lethe` (a warning names a home the user chose as `LETHE_HOME=…`). */
  homeIsDefault: boolean;
  secretKey: string | undefined;
  timeZone: string;
  defaultRegion: string;
  port: number;
  logLevel: CliLogLevel;
  bootstrapAdmin: { email: string; password: string } | undefined;
  verifyRequestTypes: ReadonlySet<RequestType>;
  dueSoonDays: number;
  requestRetentionDays: number;
  enginePolicy: EnginePolicy;
  auditCheckpoints: { keyPem: string | undefined; webhookUrl: string | undefined; intervalMs: number };
  /** `LETHE_OUTBOUND_ALLOW`'s entries, each checked. */
  outboundAllow: readonly string[];
  /**
   * What a command printed for the user to run next must start with to reach this same Lethe:
   * `LETHE_HOME=… LETHE_PORT=… ` when they differ from the defaults, else "". DATABASE_URL is
   * never printed (it may hold a password): `usesDatabaseUrl` says the commands need it too.
   */
  commandPrefix: string;
  usesDatabaseUrl: boolean;
  /**
   * Where connector plugins come from: the installation directory (the current directory: its
   * node_modules, `lethe.config.json` and package.json) and `LETHE_CONNECTORS`' entries.
   */
  connectorSources: CatalogSources;
  /**
   * The retention schedules file: `LETHE_RETENTION_FILE` (must exist), else `lethe.retention.json`
   * in the installation directory (used when it exists).
   */
  retentionFile: { path: string; required: boolean };
}

export function readEnvironment(source: NodeJS.ProcessEnv = process.env): LetheEnvironment {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvironmentError(`Invalid environment: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  let verifyRequestTypes: ReadonlySet<RequestType>;
  try {
    verifyRequestTypes = parseVerificationPolicy(env.LETHE_VERIFY_REQUEST_TYPES);
  } catch (error) {
    throw new EnvironmentError(`Invalid environment: LETHE_VERIFY_REQUEST_TYPES: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outboundAllow = (env.LETHE_OUTBOUND_ALLOW ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  try {
    parseOutboundAllowList(outboundAllow);
  } catch (error) {
    throw new EnvironmentError(`Invalid environment: LETHE_OUTBOUND_ALLOW: ${error instanceof Error ? error.message : String(error)}`);
  }
  const home = path.resolve(env.LETHE_HOME ?? defaultHome);
  return {
    outboundAllow,
    retentionFile: env.LETHE_RETENTION_FILE
      ? { path: path.resolve(env.LETHE_RETENTION_FILE), required: true }
      : { path: path.resolve(defaultRetentionFile), required: false },
    connectorSources: { installationDirectory: process.cwd(), environmentPlugins: parsePluginList(env.LETHE_CONNECTORS) },
    commandPrefix: commandPrefixFor({ home: home !== path.resolve(defaultHome) ? home : undefined, port: env.LETHE_PORT }),
    usesDatabaseUrl: env.DATABASE_URL !== undefined,
    databaseUrl: env.DATABASE_URL,
    home,
    homeIsDefault: home === path.resolve(defaultHome),
    secretKey: env.LETHE_SECRET_KEY,
    timeZone: env.LETHE_TIME_ZONE,
    defaultRegion: env.LETHE_DEFAULT_REGION,
    port: env.LETHE_PORT,
    logLevel: env.LETHE_LOG_LEVEL,
    bootstrapAdmin:
      env.LETHE_BOOTSTRAP_ADMIN_EMAIL && env.LETHE_BOOTSTRAP_ADMIN_PASSWORD
        ? { email: env.LETHE_BOOTSTRAP_ADMIN_EMAIL, password: env.LETHE_BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    verifyRequestTypes,
    dueSoonDays: env.LETHE_DUE_SOON_DAYS,
    requestRetentionDays: env.LETHE_REQUEST_RETENTION_DAYS,
    enginePolicy: parseEnginePolicy({
      autoApprove: env.LETHE_AUTO_APPROVE,
      redactScope: env.LETHE_REDACT_SCOPE,
      defaultRegion: env.LETHE_DEFAULT_REGION,
      verifySearch: env.LETHE_VERIFY_SEARCH,
    }),
    auditCheckpoints: {
      keyPem: env.LETHE_AUDIT_CHECKPOINT_KEY,
      webhookUrl: env.LETHE_AUDIT_CHECKPOINT_WEBHOOK_URL,
      intervalMs: env.LETHE_AUDIT_CHECKPOINT_MINUTES * 60_000,
    },
  };
}

/** `LETHE_HOME=<absolute path> LETHE_PORT=<port> `, each only when not the default, shell-quoted. */
export function commandPrefixFor(settings: { home: string | undefined; port: number }): string {
  const parts = [
    ...(settings.home !== undefined ? [`LETHE_HOME=${shellWord(settings.home)}`] : []),
    ...(settings.port !== defaultPort ? [`LETHE_PORT=${settings.port}`] : []),
  ];
  return parts.map((part) => `${part} `).join("");
}

/** A value as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * `LETHE_LOG_LEVEL` alone, for reporting a failure: the failure may be an invalid environment, so
 * this does not depend on the rest of it, and an invalid level counts as the default.
 */
export function readLogLevel(source: NodeJS.ProcessEnv = process.env): CliLogLevel {
  const parsed = logLevelSchema.safeParse(source.LETHE_LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}

export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}
