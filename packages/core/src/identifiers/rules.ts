/**
 * `@lethe/core/identifier-rules`: how identifiers are read and normalised, for code that runs
 * outside Node too (the console checks identifiers while they are typed, with the same rules the
 * API applies on filing). Nothing reachable from here may import a Node built-in; the keyed
 * identifier hash (node:crypto) stays server-side, in the package's main entry.
 */
export * from "./invalid-identifier-error";
export * from "./normalise-email";
export * from "./normalise-phone";
export * from "./normalise-identifier";
