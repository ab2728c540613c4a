import { csvHeader, csvRow, flattenRecord } from "./csv-encoding";

// Zip entries are fed in chunks of about this size: large enough to keep per-chunk overhead low,
// small enough that memory stays flat.
const chunkBytes = 64 * 1024;

/** A JSON array with one record per line, so the file reads well and diffs line by line. */
export async function* jsonArrayChunks(records: AsyncIterable<Record<string, unknown>>): AsyncGenerator<Uint8Array> {
  yield* batched(jsonArrayLines(records));
}

async function* jsonArrayLines(records: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  let first = true;
  for await (const record of records) {
    yield `${first ? "[\n" : ",\n"}${JSON.stringify(record)}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}

/** The CSV of one record type: a header of every column any record has, then one row per record. */
export async function* csvChunks(
  columns: readonly string[],
  records: AsyncIterable<Record<string, unknown>>,
): AsyncGenerator<Uint8Array> {
  yield* batched(csvLines(columns, records));
}

async function* csvLines(columns: readonly string[], records: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  yield csvHeader(columns);
  for await (const record of records) yield csvRow(columns, flattenRecord(record));
}

async function* batched(pieces: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  let pending: string[] = [];
  let pendingLength = 0;
  for await (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= chunkBytes) {
      yield Buffer.from(pending.join(""), "utf8");
      pending = [];
      pendingLength = 0;
    }
  }
  if (pending.length > 0) yield Buffer.from(pending.join(""), "utf8");
}
