import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createDeflateRaw, crc32 } from "node:zlib";
import {
  centralDirectoryRecord,
  dataDescriptor,
  deflatedMethod,
  endOfCentralDirectory,
  localFileHeader,
  storedMethod,
  type ZipEntryFacts,
} from "./zip-records";

export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
}

const fileMode = 0o100644;
// Writes queue up to this much before `add` waits for the disk: enough to keep reading the next
// chunk while the last is written, small enough that memory stays flat.
const writeBufferBytes = 1024 * 1024;

/**
 * A zip written as a stream to one file. Each entry's bytes are visited once on the way in, where
 * the same loop feeds the native CRC-32 (`zlib.crc32`) the zip needs and the SHA-256 the manifest
 * records; every byte of the archive is hashed once more on its way out, for the archive's own
 * SHA-256. Nothing is read back. Entries are written one at a time and each `add` resolves once
 * its content is fully consumed, so memory stays flat whatever the bundle's size.
 *
 * Written here rather than with a zip library: yazl (used before) computes CRC-32 in JavaScript,
 * about a tenth the speed of zlib's, and offers no way to hand it a CRC computed elsewhere; the
 * records of a streamed zip are a few fixed layouts (`zip-records.ts`), read back by yauzl.
 */
export class BundleZip {
  readonly #file: WriteStream;
  readonly #mtime: Date;
  readonly #archiveHash = createHash("sha256");
  readonly #entries: ZipEntryFacts[] = [];
  #offset = 0;
  #failure: Error | undefined;

  constructor(path: string, mtime: Date) {
    this.#mtime = mtime;
    // `flush` fsyncs before close, so the rename that publishes the bundle never exposes unsynced data.
    this.#file = createWriteStream(path, { flush: true, highWaterMark: writeBufferBytes });
    this.#file.on("error", (error) => {
      this.#failure ??= error;
    });
  }

  /** Streams `content` into the entry `path`; resolves with its size and sha256 once consumed. */
  async add(
    path: string,
    content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    options: { compress: boolean },
  ): Promise<WrittenEntry> {
    const name = Buffer.from(path, "utf8");
    const offset = this.#offset;
    const method = options.compress ? deflatedMethod : storedMethod;
    await this.#write(localFileHeader({ name, method, mtime: this.#mtime }));
    const measured = new MeasuredContent(content);
    const start = this.#offset;
    if (options.compress) {
      await pipeline(measured.chunks(), createDeflateRaw(), async (deflated: AsyncIterable<Buffer>) => {
        for await (const chunk of deflated) await this.#write(chunk);
      });
    } else {
      for await (const chunk of measured.chunks()) await this.#write(chunk);
    }
    const entry: ZipEntryFacts = {
      name,
      method,
      mtime: this.#mtime,
      mode: fileMode,
      crc32: measured.crc32,
      compressedSize: this.#offset - start,
      uncompressedSize: measured.size,
      offset,
    };
    await this.#write(dataDescriptor(entry));
    this.#entries.push(entry);
    return { path, size: measured.size, sha256: measured.sha256() };
  }

  /** A small entry already in memory (the index, the manifest), deflated. */
  async addBuffer(path: string, content: Buffer): Promise<WrittenEntry> {
    return this.add(path, [content], { compress: true });
  }

  /** Writes the central directory and waits until every byte is on disk and the file is closed. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    const directoryOffset = this.#offset;
    for (const entry of this.#entries) await this.#write(centralDirectoryRecord(entry));
    await this.#write(
      endOfCentralDirectory({ entries: this.#entries.length, offset: directoryOffset, size: this.#offset - directoryOffset }),
    );
    const closed = once(this.#file, "close");
    this.#file.end();
    await closed;
    this.#throwIfFailed();
    return { sha256: this.#archiveHash.digest("hex"), bytes: this.#offset };
  }

  /** Stops writing and waits until the file is closed, so the caller can delete it. */
  async abort(): Promise<void> {
    if (this.#file.closed) return;
    const closed = once(this.#file, "close").catch(() => undefined);
    this.#file.destroy();
    await closed;
  }

  async #write(bytes: Uint8Array): Promise<void> {
    this.#throwIfFailed();
    this.#archiveHash.update(bytes);
    this.#offset += bytes.byteLength;
    // `once` rejects if the file errors while we wait.
    if (!this.#file.write(bytes)) await once(this.#file, "drain");
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }
}

/** An entry's content passing through once: its CRC-32, SHA-256 and size are taken in the same loop. */
class MeasuredContent {
  readonly #content: AsyncIterable<Uint8Array>;
  readonly #hash: Hash = createHash("sha256");
  crc32 = 0;
  size = 0;

  constructor(content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.#content = toAsync(content);
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.#content) {
      this.crc32 = crc32(chunk, this.crc32);
      this.#hash.update(chunk);
      this.size += chunk.byteLength;
      yield chunk;
    }
  }

  sha256(): string {
    return this.#hash.digest("hex");
  }
}

async function* toAsync(content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* content;
}
