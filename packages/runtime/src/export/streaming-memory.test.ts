import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { ExportItem } from "@lethe/connector-sdk";
import { verifyBundle } from "./read-bundle";
import { writeExportBundle } from "./write-export-bundle";

const megabyte = 1024 * 1024;
const binaryBytes = 50 * megabyte;
const chunkBytes = 64 * 1024;
const collectEvery = 8 * megabyte;

// Dead 64 KB buffers are external memory, which V8 lets pile up to ~64 MB before it collects;
// measured without collections, RSS grows by ~40 MB whether the file is 50 MB or 200 MB. Collecting
// every few megabytes makes RSS show what is actually retained, which is what this test is about.
setFlagsFromString("--expose-gc");
const collectGarbage: () => void = runInNewContext("gc");

describe("export bundle memory", () => {
  it("streams a 50 MB binary into the bundle while resident memory grows far less than the file", async () => {
    const directory = await mkdtemp(join(tmpdir(), "lethe-export-memory-"));
    try {
      collectGarbage();
      const before = process.memoryUsage().rss;
      let peak = before;
      const recording: ExportItem = {
        kind: "binary",
        ref: { type: "recording", id: "big" },
        name: "big.wav",
        contentType: "audio/wav",
        size: binaryBytes,
        content: async function* () {
          for (let offset = 0; offset < binaryBytes; offset += chunkBytes) {
            // A fresh buffer per chunk: if the writer retained chunks, memory would grow with the file.
            yield Buffer.alloc(chunkBytes, offset / chunkBytes);
            peak = Math.max(peak, process.memoryUsage().rss);
            if (offset % collectEvery === 0) collectGarbage();
          }
        },
      };
      const records = async function* (): AsyncGenerator<ExportItem> {
        yield recording;
        for (let i = 0; i < 20_000; i++) {
          yield { kind: "record", ref: { type: "event", id: String(i) }, data: { id: i, note: "x".repeat(200) } };
          if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        }
      };
      const bundle = await writeExportBundle({
        directory,
        request: { id: "memory-check", type: "portability", regime: "gdpr", receivedAt: "2025-01-01T00:00:00Z" },
        systems: [
          {
            instanceId: "recorder",
            instanceName: "Recorder",
            connectorId: "reference",
            connectorVersion: "0.1.0",
            items: records,
          },
        ],
      });
      peak = Math.max(peak, process.memoryUsage().rss);

      expect(bundle.counts).toEqual({ recorder: { records: 20_000, files: 1 } });
      expect(bundle.bytes).toBeGreaterThan(binaryBytes);
      expect(peak - before).toBeLessThan(40 * megabyte);
      expect((await verifyBundle(bundle.path)).ok).toBe(true);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
