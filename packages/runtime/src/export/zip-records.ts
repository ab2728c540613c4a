/*
 * The fixed records of a zip archive (PKWARE APPNOTE 6.3), as the bundle writer lays them out:
 * every entry streamed with a data descriptor (bit 3), UTF-8 names (bit 11), stored or deflated,
 * ZIP64 records only where a size or offset needs them. Pure: each function returns the bytes of
 * one record.
 */

export const storedMethod = 0;
export const deflatedMethod = 8;

/** The facts the central directory needs about an entry once its data is written. */
export interface ZipEntryFacts {
  /** The entry's name, UTF-8. */
  name: Buffer;
  method: typeof storedMethod | typeof deflatedMethod;
  mtime: Date;
  /** Unix mode bits, e.g. 0o100644. */
  mode: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts in the archive. */
  offset: number;
}

const utf8Names = 1 << 11;
const dataDescriptorFollows = 1 << 3;
const versionNeeded = 20;
const versionNeededZip64 = 45;
// 3 = Unix (mode bits in the external attributes), 63 = APPNOTE 6.3.
const versionMadeBy = (3 << 8) | 63;
// The largest value a 32-bit field holds before ZIP64 must take over (0xffffffff itself means "see ZIP64").
const largest32 = 0xfffffffe;

/** Whether the entry's sizes or offset do not fit the 32-bit fields. */
export function needsZip64(entry: Pick<ZipEntryFacts, "compressedSize" | "uncompressedSize" | "offset">): boolean {
  return entry.compressedSize > largest32 || entry.uncompressedSize > largest32 || entry.offset > largest32;
}

/** Local file header; CRC and sizes are zero because they follow the data in the descriptor. */
export function localFileHeader(entry: Pick<ZipEntryFacts, "name" | "method" | "mtime">): Buffer {
  const header = Buffer.alloc(30);
  const { date, time } = dosDateTime(entry.mtime);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(versionNeeded, 4);
  header.writeUInt16LE(utf8Names | dataDescriptorFollows, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt16LE(entry.name.length, 26);
  return Buffer.concat([header, entry.name]);
}

/** Data descriptor after the entry's data: CRC-32 and sizes, 64-bit sizes when the entry needs ZIP64. */
export function dataDescriptor(entry: ZipEntryFacts): Buffer {
  const zip64 = needsZip64(entry);
  const descriptor = Buffer.alloc(zip64 ? 24 : 16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc32, 4);
  if (zip64) {
    descriptor.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
    descriptor.writeBigUInt64LE(BigInt(entry.uncompressedSize), 16);
  } else {
    descriptor.writeUInt32LE(entry.compressedSize, 8);
    descriptor.writeUInt32LE(entry.uncompressedSize, 12);
  }
  return descriptor;
}

/**
 * Central directory record, with Info-ZIP's extended timestamp (the modification time in UTC;
 * the DOS fields are local time) and, when needed, the ZIP64 extended information.
 */
export function centralDirectoryRecord(entry: ZipEntryFacts): Buffer {
  const zip64 = needsZip64(entry);
  const { date, time } = dosDateTime(entry.mtime);
  const timestamp = Buffer.alloc(9);
  timestamp.writeUInt16LE(0x5455, 0);
  timestamp.writeUInt16LE(5, 2);
  // Modification time present; the access-time flag is set as Info-ZIP sets it (the central copy never holds one).
  timestamp.writeUInt8(0b11, 4);
  timestamp.writeInt32LE(Math.min(0x7fffffff, Math.max(-0x80000000, Math.floor(entry.mtime.getTime() / 1000))), 5);
  const extra = zip64 ? Buffer.concat([timestamp, zip64Extra(entry)]) : timestamp;
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(versionMadeBy, 4);
  record.writeUInt16LE(zip64 ? versionNeededZip64 : versionNeeded, 6);
  record.writeUInt16LE(utf8Names | dataDescriptorFollows, 8);
  record.writeUInt16LE(entry.method, 10);
  record.writeUInt16LE(time, 12);
  record.writeUInt16LE(date, 14);
  record.writeUInt32LE(entry.crc32, 16);
  record.writeUInt32LE(zip64 ? 0xffffffff : entry.compressedSize, 20);
  record.writeUInt32LE(zip64 ? 0xffffffff : entry.uncompressedSize, 24);
  record.writeUInt16LE(entry.name.length, 28);
  record.writeUInt16LE(extra.length, 30);
  // Comment length, disk number, internal attributes: 0.
  record.writeUInt32LE((entry.mode << 16) >>> 0, 38);
  record.writeUInt32LE(zip64 ? 0xffffffff : entry.offset, 42);
  return Buffer.concat([record, entry.name, extra]);
}

function zip64Extra(entry: ZipEntryFacts): Buffer {
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(entry.uncompressedSize), 4);
  extra.writeBigUInt64LE(BigInt(entry.compressedSize), 12);
  extra.writeBigUInt64LE(BigInt(entry.offset), 20);
  return extra;
}

/**
 * End of the archive: the end-of-central-directory record, preceded by the ZIP64 record and its
 * locator when the entry count, the directory's size or its offset overflow the classic fields.
 */
export function endOfCentralDirectory(directory: { entries: number; offset: number; size: number }): Buffer {
  const zip64 = directory.entries >= 0xffff || directory.offset > largest32 || directory.size > largest32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : directory.entries, 8);
  end.writeUInt16LE(zip64 ? 0xffff : directory.entries, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.size, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.offset, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(BigInt(56 - 12), 4);
  record.writeUInt16LE(versionMadeBy, 12);
  record.writeUInt16LE(versionNeededZip64, 14);
  record.writeBigUInt64LE(BigInt(directory.entries), 24);
  record.writeBigUInt64LE(BigInt(directory.entries), 32);
  record.writeBigUInt64LE(BigInt(directory.size), 40);
  record.writeBigUInt64LE(BigInt(directory.offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  // The ZIP64 record starts right after the central directory.
  locator.writeBigUInt64LE(BigInt(directory.offset + directory.size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

// DOS dates cover 1980-01-01 to 2107-12-31, in local time, to two seconds.
const earliestDosDate = new Date(1980, 0, 1);
const latestDosDate = new Date(2107, 11, 31, 23, 59, 58);

function dosDateTime(when: Date): { date: number; time: number } {
  const clamped = when < earliestDosDate ? earliestDosDate : when > latestDosDate ? latestDosDate : when;
  return {
    date: clamped.getDate() | ((clamped.getMonth() + 1) << 5) | ((clamped.getFullYear() - 1980) << 9),
    time: Math.floor(clamped.getSeconds() / 2) | (clamped.getMinutes() << 5) | (clamped.getHours() << 11),
  };
}
