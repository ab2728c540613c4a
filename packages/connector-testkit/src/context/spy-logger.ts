import type { ConnectorLogger, LogFields, LogLevel } from "@lethe/connector-sdk";

export interface LogLine {
  level: LogLevel;
  message: string;
  fields: LogFields;
}

/**
 * A logger that keeps every line exactly as the connector wrote it. The hygiene check gives the
 * connector this one rather than the scrubbing logger, so it judges the connector's own care.
 */
export interface SpyLogger extends ConnectorLogger {
  readonly lines: readonly LogLine[];
}

export function createSpyLogger(): SpyLogger {
  const lines: LogLine[] = [];
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    lines.push({ level, message, fields: fields ?? {} });
  };
  return { lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
