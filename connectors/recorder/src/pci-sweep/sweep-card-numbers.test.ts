import type { CardSweepPage } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collect, recorderContext, vendorToken, type OracleRecording, useSeededRecorder } from "../../test/recorder-context";
import { bytesPerSample, channels, headerBytes, sampleRate } from "../sandbox/audio/wav";
import { transcriptRecord, type TranscriptRecord } from "../vendor/records";
import { sweepCardNumbers } from "./sweep-card-numbers";

const seeded = useSeededRecorder();

const everything = "2000-01-01T00:00:00Z/2100-01-01T00:00:00Z";

async function vendor(path: string, init: { method?: string; body?: unknown } = {}) {
  const token = await vendorToken(seeded.sandbox);
  return fetch(`${seeded.sandbox.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function transcriptOf(id: string): Promise<TranscriptRecord> {
  return transcriptRecord.parse(await (await vendor(`/v1/recordings/${id}/transcript`)).json());
}

interface CallBefore {
  recording: OracleRecording;
  transcript: TranscriptRecord;
  media: Buffer | undefined;
}

async function snapshot(): Promise<CallBefore[]> {
  const calls: CallBefore[] = [];
  for (const recording of await seeded.truth.recordings()) {
    calls.push({ recording, transcript: await transcriptOf(recording.id), media: await seeded.truth.media(recording.id) });
  }
  return calls;
}

/* The frames the sandbox's WAV routine touches for a range (rounded outwards), as API.md's 8 kHz PCM lays them out. */
function mute(wav: Buffer, channel: number, startMs: number, endMs: number): void {
  const frames = (wav.length - headerBytes) / (channels * bytesPerSample);
  const first = Math.floor((startMs * sampleRate) / 1000);
  const end = Math.min(frames, Math.ceil((endMs * sampleRate) / 1000));
  for (let frame = first; frame < end; frame++) wav.writeInt16LE(0, headerBytes + (frame * channels + channel) * bytesPerSample);
}

/** Every card word of the seeded calls, by utterance: `${utteranceIndex}:${wordIndex}`. */
function cardWords(recording: OracleRecording): Set<string> {
  const words = new Set<string>();
  for (const mention of recording.cardMentions) {
    for (let word = mention.firstWord; word <= mention.lastWord; word++) words.add(`${mention.utteranceIndex}:${word}`);
  }
  return words;
}

async function expectEveryCardRemovedAndNothingElse(before: CallBefore[]): Promise<void> {
  const after = new Map((await seeded.truth.recordings()).map((recording) => [recording.id, recording]));
  for (const call of before) {
    const now = after.get(call.recording.id);
    expect(now, call.recording.id).toBeDefined();
    if (!now) continue;
    // The transcript: exactly the card words replaced, every other word as it was.
    const cards = cardWords(call.recording);
    const transcript = await transcriptOf(call.recording.id);
    transcript.utterances.forEach((utterance, u) => {
      utterance.words.forEach((word, w) => {
        const was = call.transcript.utterances[u]?.words[w];
        expect(word.startMs).toBe(was?.startMs);
        expect(word.word).toBe(cards.has(`${u}:${w}`) ? "[REDACTED:card]" : was?.word);
      });
      expect(utterance.text).toBe(utterance.words.map((word) => word.word).join(" "));
    });
    // The audio: each mention covered on its channel; no redaction reaches another word on that channel.
    const added = now.redactions.slice(call.recording.redactions.length);
    if (call.media === undefined) {
      expect(added).toEqual([]);
      continue;
    }
    for (const mention of call.recording.cardMentions) {
      expect(added.some((r) => r.channel === mention.channel && r.startMs <= mention.startMs && r.endMs >= mention.endMs)).toBe(true);
    }
    for (const redaction of added) {
      call.transcript.utterances.forEach((utterance, u) => {
        if (utterance.channel !== redaction.channel) return;
        utterance.words.forEach((word, w) => {
          if (cards.has(`${u}:${w}`)) return;
          expect(word.endMs <= redaction.startMs || word.startMs >= redaction.endMs, `${call.recording.id} word ${u}:${w}`).toBe(true);
        });
      });
    }
    // Silent in exactly those ranges on exactly those channels, bit-identical everywhere else.
    const expected = Buffer.from(call.media);
    for (const redaction of added) mute(expected, redaction.channel, redaction.startMs, redaction.endMs);
    const media = await seeded.truth.media(call.recording.id);
    expect(media?.equals(expected), call.recording.id).toBe(true);
  }
}

describe("the PCI sweep", () => {
  it("removes every seeded card number from audio and transcripts, and nothing else, held calls included", async () => {
    const before = await snapshot();
    const withCards = before.filter((call) => call.recording.cardMentions.length > 0);
    expect(withCards.length).toBeGreaterThan(3);
    expect(withCards.some((call) => call.recording.legalHold !== null)).toBe(true);
    expect(withCards.some((call) => call.recording.cardMentions.some((m) => m.speaker === "agent"))).toBe(true);

    const pages = await collect(sweepCardNumbers(recorderContext(seeded.sandbox), { interval: everything }));
    const swept = pages.flatMap((page) => page.records);
    expect(swept.map((r) => r.recordId).sort()).toEqual(before.map((call) => call.recording.id).sort());
    const mentions = withCards.reduce((sum, call) => sum + call.recording.cardMentions.length, 0);
    expect(swept.reduce((sum, r) => sum + r.cardsFound, 0)).toBe(mentions);
    const held = swept.filter((r) => r.heldBy !== undefined && r.cardsFound > 0);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((r) => r.receipt?.outcome === "redacted")).toBe(true);

    await expectEveryCardRemovedAndNothingElse(before);
  });

  it("is idempotent: a second sweep finds nothing and changes no byte", async () => {
    await collect(sweepCardNumbers(recorderContext(seeded.sandbox), { interval: everything }));
    const once = await snapshot();
    const again = await collect(sweepCardNumbers(recorderContext(seeded.sandbox), { interval: everything }));
    expect(again.flatMap((page) => page.records).filter((r) => r.cardsFound > 0 || r.receipt)).toEqual([]);
    const twice = await snapshot();
    expect(twice.map((call) => call.recording.redactions)).toEqual(once.map((call) => call.recording.redactions));
    twice.forEach((call, index) => expect(call.media?.equals(once[index]?.media ?? Buffer.alloc(0)) ?? once[index]?.media === undefined).toBe(true));
  });

  it("resumes from a saved cursor: the pages after it, the same end state", async () => {
    const before = await snapshot();
    const sweep = sweepCardNumbers(recorderContext(seeded.sandbox), { interval: everything });
    const first = (await sweep.next()).value as CardSweepPage;
    await sweep.return(undefined);
    expect(first.nextCursor).not.toBeNull();
    const rest = await collect(sweepCardNumbers(recorderContext(seeded.sandbox), { interval: everything, cursor: first.nextCursor }));
    const ids = [...first.records, ...rest.flatMap((page) => page.records)].map((r) => r.recordId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(before.map((call) => call.recording.id).sort());
    await expectEveryCardRemovedAndNothingElse(before);
  });
});

describe("search by interval (API.md)", () => {
  const page = z.object({ entities: z.array(z.object({ id: z.string(), startTime: z.string() })), nextCursor: z.string().nullable() });

  it("lists the calls that started inside the interval, cursor-paginated, consecutive intervals partitioning them", async () => {
    const all = (await seeded.truth.recordings()).filter((r) => r.fileState !== "DELETED").map((r) => r.id).sort();
    const read = async (interval: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const body = page.parse(await (await vendor("/v1/recordings:search", { method: "POST", body: { interval, pageSize: 7, ...(cursor ? { cursor } : {}) } })).json());
        for (const entity of body.entities) {
          const [from, to] = interval.split("/").map((part) => Date.parse(part));
          expect(Date.parse(entity.startTime) >= (from ?? 0) && Date.parse(entity.startTime) < (to ?? 0)).toBe(true);
          ids.push(entity.id);
        }
        cursor = body.nextCursor;
      } while (cursor !== null);
      return ids;
    };
    const early = await read("2000-01-01T00:00:00Z/2024-03-01T00:00:00Z");
    const late = await read("2024-03-01T00:00:00Z/2100-01-01T00:00:00Z");
    expect(early.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect([...early, ...late].sort()).toEqual(all);
  });

  it("refuses a malformed or backwards interval, and a search with no filter, with 400", async () => {
    for (const body of [{ interval: "2024-01-01/2024-02-01" }, { interval: "2024-02-01T00:00:00Z/2024-01-01T00:00:00Z" }, { interval: "yesterday" }, {}]) {
      const response = await vendor("/v1/recordings:search", { method: "POST", body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ code: "bad.request", status: 400 });
    }
  });
});
