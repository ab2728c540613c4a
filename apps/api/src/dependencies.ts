import type { LogFields, LogLevel } from "@lethe/connector-sdk";
import type { AuditCheckpointing, ConnectorRegistry, Database, RequestType, SecretSealer, VerificationCodeSender } from "@lethe/runtime";
import type { UnexpectedErrorReporter } from "./middleware/error-envelope";
import type { PasswordHashCost } from "./auth/password-hashing";

export type ApiLog = (level: LogLevel, message: string, fields: LogFields) => void;

export interface ApiDependencies {
  db: Database;
  /** Installed connectors. Default: none (connector routes list nothing). */
  registry?: ConnectorRegistry;
  /** Seals connector secrets; required to create or change instances. */
  secretBox?: SecretSealer;
  /** Where the worker writes export bundles. */
  exportDirectory?: string;
  /** Signs export download links (HMAC-SHA256). Default: a random key per process. */
  linkSigningKey?: Buffer;
  /** How long an export download link works; default `downloadLinkTtlMs` (10 minutes). */
  downloadLinkTtlMs?: number;
  /** The organisation's IANA time zone (deadlines) and default phone region. */
  timeZone?: string;
  defaultRegion?: string;
  /** Mark the session cookie `Secure` (set when served over https). Default false. */
  secureCookies?: boolean;
  /** Session lifetime; default 12 hours. */
  sessionTtlMs?: number;
  /** scrypt cost; tests lower it. */
  passwordHashCost?: PasswordHashCost;
  /** Serve this folder (the console's build) at `/` with SPA fallback for non-API paths. */
  consoleDirectory?: string;
  /** Request log (one line per request, with its id). Default: info and above to stderr as JSON. */
  log?: ApiLog;
  /** Where errors the API did not expect go (a 500 was sent). Default: `log` at error level, without query parameters or quoted values (full text at debug). */
  reportUnexpectedError?: UnexpectedErrorReporter;
  /** Request types that wait for identity verification (access and portability always do). */
  verifyRequestTypes?: ReadonlySet<RequestType>;
  /** How e-mail verification codes reach requesters. Default: the log, at debug level only. */
  verificationCodeSender?: VerificationCodeSender;
  /** Signed audit checkpoints kept outside the database; the verification route measures the chain against them. */
  auditCheckpoints?: AuditCheckpointing;
}

/** The dependencies with their defaults filled in: what handlers receive. */
export interface ApiContext {
  db: Database;
  registry: ConnectorRegistry;
  secretBox: SecretSealer | undefined;
  exportDirectory: string | undefined;
  linkSigningKey: Buffer;
  downloadLinkTtlMs: number;
  timeZone: string;
  defaultRegion: string;
  secureCookies: boolean;
  sessionTtlMs: number;
  passwordHashCost: PasswordHashCost;
  log: ApiLog;
  verifyRequestTypes: ReadonlySet<RequestType> | undefined;
  verificationCodeSender: VerificationCodeSender;
  auditCheckpoints: AuditCheckpointing | undefined;
}
