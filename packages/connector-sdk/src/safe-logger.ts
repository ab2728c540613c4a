import { redactIdentifierShapes } from "./identifier-shapes";
import type { ConnectorLogger, LogFields, LogLevel } from "./logger";
import { redactionMarker } from "./redaction-marker";
import { createSecretScrubber, type Scrubber } from "./secret-scrubber";

export type LogSink = (level: LogLevel, message: string, fields: LogFields) => void;

export interface SafeLoggerOptions {
  sink: LogSink;
  /** The lowest level written; default `info`. Debug lines are written raw, so only enable it locally. */
  level?: LogLevel;
  /** Secret values of the instance (tokens, passwords): removed wherever they appear. */
  secrets?: string[];
  /** The subject's identifier values: removed wherever they appear. */
  identifiers?: string[];
}

const severity: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Field names whose value is a credential whatever it looks like. */
const credentialKey = /pass(word|phrase)?|secret|token|api[-_]?key|authori[sz]ation|cookie|credential/i;

/**
 * The logger handed to connectors. Above debug, every known secret and identifier value, and
 * anything shaped like an e-mail address or phone number, is replaced by `[redacted]` in the
 * message and in the fields (keys and values, at any depth, inside strings) before the sink sees it.
 */
export function createSafeLogger(options: SafeLoggerOptions): ConnectorLogger {
  const threshold = severity[options.level ?? "info"];
  const scrubKnown = createSecretScrubber([...(options.secrets ?? []), ...(options.identifiers ?? [])]);
  const scrub = (text: string) => redactIdentifierShapes(scrubKnown(text));

  const write = (level: LogLevel, message: string, fields: LogFields | undefined) => {
    if (severity[level] < threshold) return;
    if (level === "debug") {
      options.sink(level, message, fields ?? {});
      return;
    }
    options.sink(level, scrub(message), scrubFields(fields ?? {}, scrub, scrubKnown));
  };

  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}

function scrubFields(fields: LogFields, scrub: Scrubber, scrubKnown: Scrubber): LogFields {
  const seen = new WeakSet<object>();

  const visit = (value: unknown, key: string | undefined): unknown => {
    if (key !== undefined && credentialKey.test(key) && value !== null && value !== undefined) {
      return redactionMarker;
    }
    if (typeof value === "string") return scrub(value);
    // Numbers are checked against the known values only: a customer id can arrive as a number,
    // but shape-matching numbers would also blank every timestamp and byte count.
    if (typeof value === "number" || typeof value === "bigint") {
      const text = String(value);
      return scrubKnown(text) === text ? value : redactionMarker;
    }
    if (typeof value !== "object" || value === null) return value;
    if (value instanceof Date) return value;
    if (seen.has(value)) return "[circular]";
    seen.add(value);
    if (value instanceof Error) {
      return { name: value.name, message: scrub(value.message) };
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, undefined));
    if (value instanceof Map) {
      return Object.fromEntries([...value].map(([k, v]) => [scrub(String(k)), visit(v, String(k))]));
    }
    if (value instanceof Set) return [...value].map((item) => visit(item, undefined));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), visit(v, k)]));
  };

  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [scrub(key), visit(value, key)]));
}
