import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { open, type Entry, type ZipFile } from "yauzl";
import { unzipAll } from "./bundle-test-support";
import { BundleZip } from "./bundle-zip";
import { centralDirectoryRecord, dataDescriptor, endOfCentralDirectory, localFileHeader } from "./zip-records";

const sha256 = (content: Uint8Array) => createHash("sha256").update(content).digest("hex");
const mtime = new Date("2025-03-04T10:30:00.000Z");

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "lethe-bundle-zip-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The central directory as yauzl reads it: name → entry (CRC-32, sizes, method, time). */
async function centralDirectory(path: string): Promise<Map<string, Entry>> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    open(path, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject).on("end", () => resolve());
    zip.on("entry", (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
  zip.close();
  return entries;
}

async function* inChunks(content: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < content.length; offset += size) yield content.subarray(offset, offset + size);
}

describe("BundleZip", () => {
  it("writes stored and deflated entries whose CRC-32, sizes and hashes match their content, and hashes the archive as written", async () => {
    const recording = Buffer.alloc(300_000);
    for (let i = 0; i < recording.length; i++) recording[i] = (i * 7919) % 251;
    const records = Buffer.from(`[\n${Array.from({ length: 2000 }, (_, i) => `{"id":${i},"note":"née ${i}"}`).join(",\n")}\n]\n`);
    const path = join(directory, "bundle.zip");
    const zip = new BundleZip(path, mtime);
    const written = [
      await zip.add("systems/Desk/files/call 1.wav", inChunks(recording, 65_536), { compress: false }),
      await zip.add("systems/Desk/ticket.json", inChunks(records, 1000), { compress: true }),
      await zip.add("systems/Desk/empty.csv", inChunks(Buffer.alloc(0), 1), { compress: true }),
      await zip.addBuffer("manifest.json", Buffer.from("{}\n")),
    ];
    const archive = await zip.finish();

    const file = await readFile(path);
    expect(archive).toEqual({ sha256: sha256(file), bytes: file.length });
    const expected = new Map([
      ["systems/Desk/files/call 1.wav", recording],
      ["systems/Desk/ticket.json", records],
      ["systems/Desk/empty.csv", Buffer.alloc(0)],
      ["manifest.json", Buffer.from("{}\n")],
    ]);
    expect(written).toEqual([...expected].map(([name, content]) => ({ path: name, size: content.length, sha256: sha256(content) })));
    expect(await unzipAll(path)).toEqual(expected);
    const entries = await centralDirectory(path);
    for (const [name, content] of expected) {
      const entry = entries.get(name);
      expect(entry?.crc32, name).toBe(crc32(content));
      expect(entry?.uncompressedSize, name).toBe(content.length);
      expect(entry?.getLastModDate().toISOString()).toBe(mtime.toISOString());
    }
    expect(entries.get("systems/Desk/files/call 1.wav")?.compressionMethod).toBe(0);
    expect(entries.get("systems/Desk/files/call 1.wav")?.compressedSize).toBe(recording.length);
    expect(entries.get("systems/Desk/ticket.json")?.compressionMethod).toBe(8);
    expect(entries.get("systems/Desk/ticket.json")?.compressedSize).toBeLessThan(records.length / 3);
  });

  it("fails the entry with the content's error and leaves a file that abort closes", async () => {
    const path = join(directory, "broken.zip");
    const zip = new BundleZip(path, mtime);
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("part");
      throw new Error("vendor stream cut");
    }
    await expect(zip.add("a.bin", failing(), { compress: false })).rejects.toThrow("vendor stream cut");
    await zip.abort();
    await rm(path);
  });
});

describe("zip records", () => {
  const name = Buffer.from("a.wav");
  const small = { name, method: 0 as const, mtime, mode: 0o100644, crc32: 0x12345678, compressedSize: 10, uncompressedSize: 10, offset: 100 };
  const fiveGigabytes = 5 * 1024 ** 3;

  it("streams every entry with a data descriptor and UTF-8 names, CRC and sizes after the data", () => {
    const header = localFileHeader(small);
    expect(header.readUInt32LE(0)).toBe(0x04034b50);
    expect(header.readUInt16LE(6)).toBe((1 << 11) | (1 << 3));
    expect(header.readUInt32LE(14)).toBe(0);
    expect(header.subarray(30).toString()).toBe("a.wav");
    const descriptor = dataDescriptor(small);
    expect(descriptor.length).toBe(16);
    expect([descriptor.readUInt32LE(4), descriptor.readUInt32LE(8), descriptor.readUInt32LE(12)]).toEqual([0x12345678, 10, 10]);
  });

  it("switches to ZIP64 fields when a size or offset passes 4 GiB", () => {
    const large = { ...small, compressedSize: fiveGigabytes, uncompressedSize: fiveGigabytes, offset: fiveGigabytes + 1 };
    const descriptor = dataDescriptor(large);
    expect(descriptor.length).toBe(24);
    expect(Number(descriptor.readBigUInt64LE(8))).toBe(fiveGigabytes);
    const record = centralDirectoryRecord(large);
    expect(record.readUInt16LE(6)).toBe(45);
    expect([record.readUInt32LE(20), record.readUInt32LE(24), record.readUInt32LE(42)]).toEqual([0xffffffff, 0xffffffff, 0xffffffff]);
    const zip64 = record.subarray(46 + name.length + 9);
    expect(zip64.readUInt16LE(0)).toBe(1);
    expect([zip64.readBigUInt64LE(4), zip64.readBigUInt64LE(12), zip64.readBigUInt64LE(20)].map(Number)).toEqual([
      fiveGigabytes,
      fiveGigabytes,
      fiveGigabytes + 1,
    ]);
    expect(centralDirectoryRecord(small).length).toBe(46 + name.length + 9);

    const end = endOfCentralDirectory({ entries: 3, offset: fiveGigabytes, size: 500 });
    expect(end.readUInt32LE(0)).toBe(0x06064b50);
    expect(Number(end.readBigUInt64LE(48))).toBe(fiveGigabytes);
    expect(end.readUInt32LE(56)).toBe(0x07064b50);
    expect(Number(end.readBigUInt64LE(56 + 8))).toBe(fiveGigabytes + 500);
    expect(end.readUInt32LE(76)).toBe(0x06054b50);
    expect(endOfCentralDirectory({ entries: 3, offset: 1000, size: 500 }).length).toBe(22);
  });
});
