import type { Readable } from "node:stream";
import { open, type Entry, type ZipFile } from "yauzl";
import type { ExportItem } from "@lethe/connector-sdk";
import type { ExportBundleSystem } from "./write-export-bundle";

/** Test-only: every entry of a zip, read with yauzl (an independent reader), as name → bytes. */
export async function unzipAll(path: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    open(path, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        readAll(stream).then((content) => {
          entries.set(entry.fileName, content);
          zip.readEntry();
        }, reject);
      });
    });
    zip.readEntry();
  });
  return entries;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function systemOf(
  instanceName: string,
  items: ExportItem[] | (() => AsyncIterable<ExportItem>),
  overrides: Partial<ExportBundleSystem> = {},
): ExportBundleSystem {
  return {
    instanceId: overrides.instanceId ?? `instance-${instanceName}`,
    instanceName,
    connectorId: "reference",
    connectorVersion: "0.1.0",
    items: typeof items === "function" ? items : () => listed(items),
    ...overrides,
  };
}

async function* listed(items: ExportItem[]): AsyncGenerator<ExportItem> {
  yield* items;
}

export function binaryOf(name: string, content: Buffer, overrides: Partial<Extract<ExportItem, { kind: "binary" }>> = {}): ExportItem {
  return {
    kind: "binary",
    ref: { type: "recording", id: name },
    name,
    contentType: "audio/wav",
    size: content.length,
    content: async function* () {
      yield content;
    },
    ...overrides,
  };
}
