/**
 * Child-process entry for `export-bundle`: either writes an export bundle from the input files
 * through `writeExportBundle` (mode `bundle`), or copies the same two files with plain `fs`
 * stream pipelines (mode `copy`). Prints one JSON line: wall time, CPU time, peak RSS, bytes read
 * and bytes written.
 *
 * Usage: export-bundle-run.ts --mode bundle|copy --records <jsonl> --recording <file> --output <dir>
 */
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import type { ExportItem } from "@lethe/connector-sdk";
import { writeExportBundle } from "@lethe/runtime";
import { parseBenchArguments } from "../../bench-arguments";
import { measureSection } from "../../section-measurement";
import { recordLineSchema } from "./export-bundle-input";

const { flags } = parseBenchArguments(process.argv.slice(2));
const mode = flags.string("mode", "bundle");
const recordsPath = flags.string("records", "");
const recordingPath = flags.string("recording", "");
const output = flags.string("output", "");
const recordingBytes = (await stat(recordingPath)).size;
const bytesIn = (await stat(recordsPath)).size + recordingBytes;

/** What a connector's export stream gives: each record parsed from the vendor's JSON, then the call recording. */
async function* exportItems(): AsyncGenerator<ExportItem> {
  for await (const line of createInterface({ input: createReadStream(recordsPath), crlfDelay: Infinity })) {
    const record = recordLineSchema.parse(JSON.parse(line));
    yield { kind: "record", ref: { type: record.type, id: record.id }, data: record.data };
  }
  yield {
    kind: "binary",
    ref: { type: "recording", id: "call-1" },
    name: "call-1.wav",
    contentType: "audio/wav",
    size: recordingBytes,
    content: () => createReadStream(recordingPath),
  };
}

const { result: bytesOut, cost } = await measureSection(async () => {
  if (mode === "copy") {
    // The same durability as the bundle, which is fsynced before it is renamed into place.
    const records = join(output, "records.jsonl");
    const recording = join(output, "call-1.wav");
    await pipeline(createReadStream(recordsPath), createWriteStream(records, { flush: true }));
    await pipeline(createReadStream(recordingPath), createWriteStream(recording, { flush: true }));
    return (await stat(records)).size + (await stat(recording)).size;
  }
  const bundle = await writeExportBundle({
    directory: output,
    request: { id: "bench-export", type: "access", regime: "gdpr", receivedAt: "2026-01-01T00:00:00Z" },
    systems: [{ instanceId: "bench", instanceName: "Call centre", connectorId: "reference", connectorVersion: "0.0.0", items: exportItems }],
  });
  return bundle.bytes;
});
process.stdout.write(`${JSON.stringify({ ...cost, bytesIn, bytesOut })}\n`);
