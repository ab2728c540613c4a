import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { auditCheckpointSchema, type AuditCheckpoint } from "./audit-checkpoint";

/** Where audit checkpoints are kept, outside the database that holds the audit log. */
export interface AuditCheckpointStore {
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every checkpoint, oldest first (lines that do not parse are skipped: a torn last write). */
  list(): Promise<AuditCheckpoint[]>;
}

export const checkpointFileName = "audit-checkpoints.jsonl";

/**
 * An append-only JSON-lines file (`$LETHE_HOME/audit-checkpoints.jsonl`), and optionally a
 * webhook that receives each checkpoint as it is written (a copy out of this machine's reach).
 * One `appendFile` per checkpoint: a line this short is written whole with O_APPEND, so
 * concurrent writers do not interleave.
 */
export function fileCheckpointStore(options: { directory: string; webhookUrl?: string; fetch?: typeof fetch }): AuditCheckpointStore {
  const path = join(options.directory, checkpointFileName);
  const send = options.fetch ?? fetch;
  return {
    async append(checkpoint) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await appendFile(path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
      if (options.webhookUrl) {
        const response = await send(options.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ event: "audit.checkpoint", checkpoint }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) throw new Error(`the audit checkpoint webhook answered ${response.status}`);
      }
    },
    async list() {
      const text = await readFile(path, "utf8").catch((error: unknown) => {
        if (error instanceof Error && "code" in error && error.code === "ENOENT") return "";
        throw error;
      });
      return text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .flatMap((line) => {
          try {
            const parsed = auditCheckpointSchema.safeParse(JSON.parse(line));
            return parsed.success ? [parsed.data] : [];
          } catch {
            return [];
          }
        });
    },
  };
}
