import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { flattenRecord } from "./csv-encoding";

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

/*
 * csv-stringify writes the rows (quoting, doubled quotes, CRLF, the formula guard) as a stream,
 * one row at a time, so memory stays flat. Rows are given as arrays in header order: the flattened
 * column names hold dots, which csv-stringify would read as paths into nested objects. Its
 * `escape_formulas` leaves numbers alone (`-5` cannot run anything); booleans are written as
 * `true`/`false` rather than its default `1`/empty.
 */
async function* csvLines(columns: readonly string[], records: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  const stringifier = stringify({
    record_delimiter: "windows",
    // A lone CR or LF inside a cell is quoted too (off by default once a record delimiter is set).
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
  stringifier.setEncoding("utf8");
  const rows = Readable.from(csvRows(columns, records));
  rows.once("error", (error) => stringifier.destroy(error));
  try {
    for await (const line of rows.pipe(stringifier) as AsyncIterable<string>) yield line;
  } finally {
    // Stopped early (the bundle aborted): the records' stream is closed too, not left suspended.
    rows.destroy();
  }
}

async function* csvRows(columns: readonly string[], records: AsyncIterable<Record<string, unknown>>): AsyncGenerator<unknown[]> {
  yield [...columns];
  for await (const record of records) {
    const flat = flattenRecord(record);
    yield columns.map((column) => flat.get(column));
  }
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
