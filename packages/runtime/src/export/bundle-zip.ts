import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
}

/**
 * A zip written as a stream to one file, hashing each entry's content on the way in and the whole
 * archive on the way out. Entries are added one at a time and each `add` resolves once its content
 * is fully consumed, so at most one entry's stream buffers are in memory whatever the bundle's size.
 */
export class BundleZip {
  readonly #zip = new ZipFile();
  readonly #file: WriteStream;
  readonly #measure: Transform;
  readonly #written: Promise<void>;
  readonly #failed: Promise<never>;
  readonly #mtime: Date;
  readonly #archiveHash = createHash("sha256");
  #archiveBytes = 0;
  #fail: (error: Error) => void = () => undefined;
  #current: Readable | undefined;

  constructor(path: string, mtime: Date) {
    this.#mtime = mtime;
    this.#failed = new Promise<never>((_, reject) => {
      this.#fail = reject;
    });
    // Observed by every wait below; this handler only keeps an unobserved failure from crashing.
    this.#failed.catch(() => undefined);
    // yazl reports a bad entry (e.g. a size that does not match) as an event, not a rejection.
    this.#zip.on("error", (error: Error) => this.#fail(error));
    // `flush` fsyncs before close, so the rename that publishes the bundle never exposes unsynced data.
    this.#file = createWriteStream(path, { flush: true });
    this.#measure = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.#archiveHash.update(chunk);
        this.#archiveBytes += chunk.length;
        callback(null, chunk);
      },
    });
    this.#written = pipeline(this.#zip.outputStream, this.#measure, this.#file);
    this.#written.catch((error: Error) => this.#fail(error));
  }

  /** Streams `content` into the entry `path`; resolves with its size and sha256 once consumed. */
  async add(path: string, content: AsyncIterable<Uint8Array>, options: { compress: boolean }): Promise<WrittenEntry> {
    const hash = createHash("sha256");
    let size = 0;
    async function* hashed(): AsyncGenerator<Uint8Array> {
      for await (const chunk of content) {
        hash.update(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    }
    const readable = Readable.from(hashed(), { objectMode: false });
    this.#current = readable;
    const consumed = new Promise<void>((resolve, reject) => {
      readable.once("end", resolve);
      readable.once("error", reject);
    });
    this.#zip.addReadStream(readable, path, { compress: options.compress, mtime: this.#mtime, mode: 0o100644 });
    try {
      await Promise.race([consumed, this.#failed]);
    } finally {
      this.#current = undefined;
    }
    return { path, size, sha256: hash.digest("hex") };
  }

  /** A small entry already in memory (the manifest). */
  addBuffer(path: string, content: Buffer): WrittenEntry {
    this.#zip.addBuffer(content, path, { compress: true, mtime: this.#mtime, mode: 0o100644 });
    return { path, size: content.length, sha256: createHash("sha256").update(content).digest("hex") };
  }

  /** Writes the central directory and waits until every byte is on disk. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    this.#zip.end();
    await Promise.race([this.#written, this.#failed]);
    return { sha256: this.#archiveHash.digest("hex"), bytes: this.#archiveBytes };
  }

  /** Stops everything and waits until the file is closed, so the caller can delete it. */
  async abort(): Promise<void> {
    const error = new Error("export bundle aborted");
    this.#current?.destroy(error);
    // Destroying a middle stream makes the pipeline tear down the zip's output and the file too.
    this.#measure.destroy(error);
    if (!this.#file.closed) {
      const closed = new Promise<void>((resolve) => this.#file.once("close", () => resolve()));
      this.#file.destroy(error);
      await closed;
    }
  }
}
