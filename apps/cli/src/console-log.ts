import type { LogFields, LogLevel } from "@lethe/connector-sdk";

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFunction = (level: LogLevel, message: string, fields?: LogFields) => void;

/**
 * Log lines for the CLI's long-running commands, on stderr so that stdout stays machine-readable.
 * The runtime hands it only messages already scrubbed of secrets and identifiers above debug.
 */
export function createConsoleLog(threshold: LogLevel): LogFunction {
  return (level, message, fields) => {
    if (rank[level] < rank[threshold]) return;
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}${suffix}\n`);
  };
}
