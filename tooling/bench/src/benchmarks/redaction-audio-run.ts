/**
 * Child-process entry for `redaction-audio`: streams one WAV file to another, either through
 * `redactWavFile` (mode `redact`) or as a plain stream copy (mode `copy`), with the same read
 * size. Prints one JSON line: wall time, CPU time, peak RSS, bytes.
 *
 * Usage: redaction-audio-run.ts --mode redact|copy --input <wav> --output <wav> --ranges <json file>
 */
import { createReadStream, createWriteStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { redactWavFile } from "@lethe/redaction";
import { z } from "zod";
import { parseBenchArguments } from "../bench-arguments";
import { measureSection } from "../section-measurement";

const { flags } = parseBenchArguments(process.argv.slice(2));
const mode = flags.string("mode", "redact");
const input = flags.string("input", "");
const output = flags.string("output", "");
const rangesSchema = z.array(z.object({ channel: z.int().nonnegative().optional(), startMs: z.number(), endMs: z.number() }));
const ranges = rangesSchema.parse(JSON.parse(await readFile(flags.string("ranges", ""), "utf8")));

const { cost } = await measureSection(async () => {
  if (mode === "copy") {
    await pipeline(createReadStream(input, { highWaterMark: 256 * 1024 }), createWriteStream(output));
  } else {
    await redactWavFile(input, output, { ranges, fill: "silence" });
  }
});
process.stdout.write(`${JSON.stringify({ ...cost, bytes: (await stat(output)).size })}\n`);
