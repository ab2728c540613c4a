export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

/**
 * What a connector logs through. Above debug, the implementation removes every known secret and
 * identifier value (and anything shaped like an e-mail address or phone number) before it writes.
 */
export interface ConnectorLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
