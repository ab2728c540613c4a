import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";

/** One line of the records file: what a connector's export stream would yield as a record. */
export const recordLineSchema = z.object({ type: z.string(), id: z.string(), data: z.record(z.string(), z.unknown()) });

/** A small deterministic generator, so both sides and every run see the same bytes. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = "order delivery refund call invoice account password address change number card payment late broken parcel thanks please manager".split(" ");

/**
 * Ticketing-system records (tickets with comments, and contact events) as JSON lines, about
 * `bytes` long: text that compresses like real support tickets do, nested objects and arrays
 * for the CSV flattening, an e-mail and phone in each.
 */
export async function writeRecordsFile(path: string, bytes: number, seed: number): Promise<number> {
  const random = mulberry32(seed);
  const sentence = (count: number) => Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(" ");
  let written = 0;
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    while (written < bytes) {
      const id = String(count++);
      const data =
        count % 4 === 0
          ? { id, channel: "phone", at: new Date(1_700_000_000_000 + count * 60_000).toISOString(), durationSeconds: Math.floor(random() * 900), note: sentence(20) }
          : {
              id,
              subject: sentence(6),
              status: random() < 0.5 ? "open" : "solved",
              requester: { email: `person${count % 97}@example.com`, phone: "+441632960961" },
              tags: [sentence(1), sentence(1)],
              comments: Array.from({ length: 3 }, (_, index) => ({ author: index % 2 === 0 ? "customer" : "agent", body: sentence(40) })),
            };
      const line = `${JSON.stringify({ type: count % 4 === 0 ? "event" : "ticket", id, data })}\n`;
      written += Buffer.byteLength(line);
      yield line;
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(path));
  return count;
}

/** A recording's bytes: random, so as incompressible as encoded audio (the bundle stores binaries, it does not deflate them). */
export async function writeRecordingFile(path: string, bytes: number, seed: number): Promise<void> {
  const random = mulberry32(seed);
  const chunkBytes = 1024 * 1024;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < bytes; offset += chunkBytes) {
      const chunk = Buffer.alloc(Math.min(chunkBytes, bytes - offset));
      for (let i = 0; i + 4 <= chunk.length; i += 4) chunk.writeUInt32LE(Math.floor(random() * 4294967296), i);
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
}
