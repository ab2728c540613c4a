import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { flattenRecord } from "./csv-encoding";

// Lines are written to a spool file in pieces of about this size: one write per record would be
// tens of thousands of small writes for a large export, each with its own cost on the event loop.
const flushChars = 64 * 1024;

interface SpoolFile {
  path: string;
  stream: WriteStream;
  /** Lines not yet handed to the stream, and their total length. */
  pending: string[];
  pendingChars: number;
  count: number;
  /** Union of flattened column names, in first-seen order (becomes the CSV header). */
  columns: Set<string>;
}

export interface SpooledType {
  type: string;
  count: number;
  columns: string[];
}

/**
 * Holds one system's records on disk, one JSON-lines file per record type, until the system's
 * export stream is exhausted. A system's records arrive interleaved by type, but each type becomes
 * one JSON array and one CSV in the bundle; keeping them on disk instead of in memory is what keeps
 * the writer's memory flat however many records a person has.
 */
export class RecordSpool {
  readonly #directory: string;
  readonly #files = new Map<string, SpoolFile>();
  #failure: Error | undefined;

  private constructor(directory: string) {
    this.#directory = directory;
  }

  static async create(parentDirectory: string, prefix: string): Promise<RecordSpool> {
    return new RecordSpool(await mkdtemp(join(parentDirectory, prefix)));
  }

  async add(type: string, data: Record<string, unknown>): Promise<void> {
    const file = this.#fileFor(type);
    for (const column of flattenRecord(data).keys()) file.columns.add(column);
    file.count++;
    this.#throwIfFailed();
    const line = `${JSON.stringify(data)}\n`;
    file.pending.push(line);
    file.pendingChars += line.length;
    if (file.pendingChars >= flushChars) await this.#flush(file);
  }

  async #flush(file: SpoolFile): Promise<void> {
    if (file.pending.length === 0) return;
    const piece = file.pending.join("");
    file.pending = [];
    file.pendingChars = 0;
    if (!file.stream.write(piece)) await once(file.stream, "drain");
    this.#throwIfFailed();
  }

  /** Flushes every file; after this the types can be read back. */
  async seal(): Promise<SpooledType[]> {
    await Promise.all(
      [...this.#files.values()].map(async (file) => {
        if (file.stream.writableFinished) return;
        await this.#flush(file);
        file.stream.end();
        await once(file.stream, "finish");
      }),
    );
    this.#throwIfFailed();
    return [...this.#files.entries()].map(([type, file]) => ({
      type,
      count: file.count,
      columns: [...file.columns],
    }));
  }

  /** The records of one type, parsed back one at a time. */
  async *records(type: string): AsyncGenerator<Record<string, unknown>> {
    const file = this.#files.get(type);
    if (!file) return;
    const lines = createInterface({ input: createReadStream(file.path), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === "") continue;
      // Each line is a record this spool wrote with JSON.stringify.
      yield JSON.parse(line) as Record<string, unknown>;
    }
  }

  /** Closes and deletes every spool file. Safe to call more than once and after a failure. */
  async remove(): Promise<void> {
    for (const file of this.#files.values()) file.stream.destroy();
    this.#files.clear();
    await rm(this.#directory, { recursive: true, force: true });
  }

  #fileFor(type: string): SpoolFile {
    const existing = this.#files.get(type);
    if (existing) return existing;
    // Spool files are numbered: record types are vendor words and need not be valid file names.
    const path = join(this.#directory, `${this.#files.size}.jsonl`);
    const stream = createWriteStream(path);
    stream.on("error", (error) => {
      this.#failure ??= error;
    });
    const file: SpoolFile = { path, stream, pending: [], pendingChars: 0, count: 0, columns: new Set() };
    this.#files.set(type, file);
    return file;
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }
}
