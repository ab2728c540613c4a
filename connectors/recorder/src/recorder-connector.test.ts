import { createHttpClient, type ErasureReceipt, type LocatedRecord, type OraclePerson } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { collect, vendorToken, useSeededRecorder } from "../test/recorder-context";
import { confirmDeletions } from "./erase/confirm-deletions";
import { eraseRecordings } from "./erase/erase-recordings";
import { exportRecords } from "./export-records";
import { locate as locateRecords } from "./locate/locate";
import { redactRecording } from "./redact-recording";
import { headerBytes } from "./sandbox/audio/wav";

const seeded = useSeededRecorder();

const day = 24 * 60 * 60 * 1000;
const value = (person: OraclePerson, kind: string) => person.identifiers.find((i) => i.kind === kind)?.value ?? "";
const ctx = () => seeded.ctx();
const locate = (identifiers: OraclePerson["identifiers"]) => collect(locateRecords(ctx(), { identifiers }));
const strong = (records: LocatedRecord[]) => records.filter((r) => r.matchedBy.some((m) => m.strength === "strong"));

async function firstSubject() {
  const subject = (await seeded.oracle.people()).find((p) => p.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  return subject;
}

describe("locate", () => {
  it("finds a subject's calls by a phone number in national format, normalised to E.164", async () => {
    const subject = await firstSubject();
    const national = value(subject, "phone").replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3");
    const located = await locate([{ kind: "phone", value: national }]);
    const household = (await seeded.oracle.people()).find((p) => p.bystanderOf === subject.id && value(p, "phone") === value(subject, "phone"));
    const calls = async (person: OraclePerson | undefined) =>
      (await seeded.oracle.records(person?.id ?? "")).filter((r) => r.ref.type === "recording").map((r) => r.ref.id);
    // The household's calls from the same line come too (weakly): the number cannot tell them apart.
    const expected = [...(await calls(subject)), ...(await calls(household))];
    expect(new Set(located.filter((r) => r.ref.type === "recording").map((r) => r.ref.id))).toEqual(new Set(expected));
  });

  it("keeps calls from a number the household shares weak, and reports identifiers only from strong matches", async () => {
    const subject = await firstSubject();
    const household = (await seeded.oracle.people()).find((p) => p.bystanderOf === subject.id && value(p, "phone") === value(subject, "phone"));
    const located = (await locate([{ kind: "phone", value: value(subject, "phone") }])).filter((r) => r.ref.type === "recording");
    expect(strong(located)).toEqual([]);
    expect(located.every((r) => r.matchedBy.every((m) => /^shared: \d callers/.test(m.reason ?? "")))).toBe(true);
    expect(located.every((r) => r.discovered.length === 0)).toBe(true);
    const householdCalls = (await seeded.oracle.records(household?.id ?? "")).filter((r) => r.ref.type === "recording");
    expect(householdCalls.length).toBeGreaterThan(0);

    const byId = await locate([{ kind: "customer_id", value: value(subject, "customer_id") }]);
    const discovered = byId.flatMap((r) => r.discovered.map((d) => `${d.kind}:${d.value}`));
    expect(discovered).toContain(`phone:${value(subject, "phone")}`);
    expect(discovered).toContain(`name:${value(subject, "name")}`);
    expect(discovered.some((d) => d.includes(value(household ?? subject, "customer_id")) && household !== undefined)).toBe(false);
  });

  it("matches a name only weakly, and never the namesake's calls strongly", async () => {
    const subject = await firstSubject();
    const located = await locate([{ kind: "name", value: value(subject, "name").toUpperCase() }]);
    expect(located.length).toBeGreaterThan(0);
    expect(strong(located)).toEqual([]);
  });

  it("finds a call whose media was deleted by policy, its metadata and transcript still held", async () => {
    const subjects = (await seeded.oracle.people()).filter((p) => p.role === "subject");
    const withDeleted = [];
    for (const subject of subjects) {
      for (const record of await seeded.oracle.records(subject.id)) if (record.store === "soft-deleted") withDeleted.push({ subject, record });
    }
    expect(withDeleted).toHaveLength(1);
    const [{ subject, record }] = withDeleted as [(typeof withDeleted)[number]];
    const located = await locate([{ kind: "customer_id", value: value(subject, "customer_id") }]);
    expect(strong(located).map((r) => `${r.ref.type}/${r.ref.id}`)).toContain(`recording/${record.ref.id}`);
  });
});

describe("export", () => {
  it("streams the stored WAV, the SIPREC document, the transcript and the consent events", async () => {
    const subject = await firstSubject();
    const refs = (await locate([{ kind: "customer_id", value: value(subject, "customer_id") }])).map((r) => r.ref).slice(0, 3);
    const items = await collect(exportRecords(ctx(), refs));
    const audio = items.find((i) => i.kind === "binary" && i.contentType === "audio/wav");
    if (audio?.kind !== "binary") throw new Error("no audio exported");
    const bytes = Buffer.concat(await collect(audio.content()));
    expect(bytes.equals((await seeded.truth.media(audio.ref.id)) ?? Buffer.alloc(0))).toBe(true);
    expect(bytes.length).toBe(audio.size);
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(bytes.readUInt16LE(22)).toBe(2);
    expect(items.some((i) => i.kind === "binary" && i.contentType === "application/rs-metadata+xml")).toBe(true);
    expect(items.filter((i) => i.kind === "record").map((i) => i.ref.type)).toEqual(["recording", "transcript", "consent"]);
  });
});

describe("erase and confirm", () => {
  it("deletes through a job: pending with its id, still pending before it runs, erased once fulfilled and gone from the oracle", async () => {
    const subject = await firstSubject();
    const refs = strong(await locate([{ kind: "customer_id", value: value(subject, "customer_id") }])).map((r) => r.ref);
    const context = ctx();
    const receipts = await collect(eraseRecordings(context, refs, { action: "erase" }));
    const pending = receipts.filter((r) => r.outcome === "pending");
    const retained = receipts.filter((r) => r.outcome === "retained");
    expect(pending.length + retained.length).toBe(refs.length);
    expect(new Set(pending.map((r) => r.pending?.jobId)).size).toBe(1);
    expect(retained.length).toBe(6);
    expect(retained.every((r) => r.hold?.id === "LH-2025-017" && r.hold.basis?.startsWith("Litigation hold"))).toBe(true);

    expect((await collect(confirmDeletions(context, pending))).every((r) => r.outcome === "pending")).toBe(true);
    await seeded.oracle.moveClock({ advanceMs: day });
    // The same context: its token expired with the day that passed, and is replaced.
    const confirmed = await collect(confirmDeletions(context, pending));
    expect(confirmed.map((r) => r.outcome)).toEqual(pending.map(() => "erased"));

    const left = await seeded.oracle.records(subject.id);
    const erasedIds = new Set(pending.map((r) => r.ref.id));
    expect(left.some((r) => erasedIds.has(r.ref.id))).toBe(false);
    expect(new Set(left.filter((r) => r.ref.type === "recording" && r.personalData.legalHold === "LH-2025-017").map((r) => r.ref.id)).size).toBe(2);
  });

  it("replaces a token that expired between its grant and its first use, once", async () => {
    const subject = await firstSubject();
    const context = ctx();
    let moved = false;
    // The vendor's day passes right after it grants the token: the first call with it gets 401.
    context.http = createHttpClient({
      signal: context.signal,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!moved && (input instanceof Request ? input.url : input.toString()).endsWith("/oauth/token")) {
          moved = true;
          await seeded.oracle.moveClock({ advanceMs: day });
        }
        return response;
      },
    });
    const located = await collect(locateRecords(context, { identifiers: [{ kind: "customer_id", value: value(subject, "customer_id") }] }));
    expect(moved).toBe(true);
    expect(located.length).toBeGreaterThan(0);
  });

  it("retains a call put under legal hold while its deletion job waited: the job skips it and confirm says so", async () => {
    const subject = await firstSubject();
    const [ref] = strong(await locate([{ kind: "customer_id", value: value(subject, "customer_id") }]))
      .map((r) => r.ref)
      .filter((r) => r.type === "recording");
    if (!ref) throw new Error("no recording located");
    const receipts = await collect(eraseRecordings(ctx(), [ref], { action: "erase" }));
    if (receipts[0]?.outcome === "retained") return expect.fail("the first strong recording is already held; the seed changed");
    const token = await vendorToken(seeded.sandbox);
    const hold = await fetch(`${seeded.sandbox.url}/v1/legal-holds?protect=true`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ recordingIds: [ref.id], holdId: "LH-LATE", basis: "Hold placed after the erasure was submitted" }),
    });
    expect(hold.status).toBe(204);
    await seeded.oracle.moveClock({ advanceMs: day });
    const [confirmed] = await collect(confirmDeletions(ctx(), receipts));
    expect(confirmed).toMatchObject({ outcome: "retained", hold: { id: "LH-LATE", basis: "Hold placed after the erasure was submitted" } });
    expect((await seeded.oracle.records(subject.id)).some((r) => r.ref.id === ref.id && r.store === "active")).toBe(true);
  });

  it("resubmits a recording whose job failed instead of calling it erased", async () => {
    const subject = await firstSubject();
    const refs = strong(await locate([{ kind: "customer_id", value: value(subject, "customer_id") }])).map((r) => r.ref).slice(0, 3);
    await seeded.truth.failNextJobs(1);
    const receipts: ErasureReceipt[] = await collect(eraseRecordings(ctx(), refs, { action: "erase" }));
    await seeded.oracle.moveClock({ advanceMs: day });
    const again = await collect(confirmDeletions(ctx(), receipts));
    expect(again.every((r) => r.outcome === "pending" && r.pending?.jobId !== receipts[0]?.pending?.jobId)).toBe(true);
    await seeded.oracle.moveClock({ advanceMs: day });
    expect((await collect(confirmDeletions(ctx(), again))).map((r) => r.outcome)).toEqual(["erased", "erased", "erased"]);
  });
});

describe("redact", () => {
  it("mutes the spoken card number on the caller's channel only, bit-identical elsewhere, and redacts the transcript there", async () => {
    const recording = (await seeded.truth.recordings()).find((r) => r.cardMentions.length > 0 && r.fileState === "AVAILABLE");
    if (!recording) throw new Error("no call with a card number");
    const mention = recording.cardMentions.find((m) => m.speaker === "customer");
    if (!mention) throw new Error("no card spoken by the caller");
    const before = (await seeded.truth.media(recording.id)) ?? Buffer.alloc(0);
    const transcript = await collect(exportRecords(ctx(), [{ type: "transcript", id: recording.id }]));
    const data = transcript[0]?.kind === "record" ? transcript[0].data : {};
    const utterances = (data as { utterances: { text: string; words: { word: string }[] }[] }).utterances;
    const text = utterances[mention.utteranceIndex]?.text ?? "";
    const start = text.indexOf(mention.pan.slice(0, 4));
    const end = text.indexOf(mention.pan.slice(-4), start) + 4;

    const receipt = await redactRecording(ctx(), { type: "recording", id: recording.id }, [
      { kind: "audio", channel: mention.channel, startMs: mention.startMs, endMs: mention.endMs, label: "card" },
      { kind: "text", field: `utterances[${mention.utteranceIndex}].text`, start, end, label: "card" },
    ]);
    expect(receipt?.outcome).toBe("redacted");

    const after = (await seeded.truth.media(recording.id)) ?? Buffer.alloc(0);
    expect(after.length).toBe(before.length);
    const first = Math.floor((mention.startMs * 8000) / 1000);
    const last = Math.ceil((mention.endMs * 8000) / 1000);
    let changedOutside = 0;
    let loudInside = 0;
    for (let frame = 0; frame < (before.length - headerBytes) / 4; frame++) {
      for (let channel = 0; channel < 2; channel++) {
        const offset = headerBytes + frame * 4 + channel * 2;
        const inside = channel === mention.channel && frame >= first && frame < last;
        if (inside && after.readInt16LE(offset) !== 0) loudInside++;
        if (!inside && after.readInt16LE(offset) !== before.readInt16LE(offset)) changedOutside++;
      }
    }
    expect(loudInside).toBe(0);
    expect(changedOutside).toBe(0);
    expect(before.subarray(0, headerBytes).equals(after.subarray(0, headerBytes))).toBe(true);

    const redacted = await collect(exportRecords(ctx(), [{ type: "transcript", id: recording.id }]));
    const redactedText = redacted[0]?.kind === "record" ? JSON.stringify(redacted[0].data) : "";
    const spoken = (redacted[0]?.kind === "record" ? (redacted[0].data as typeof data & { utterances: { text: string }[] }) : { utterances: [] }).utterances[mention.utteranceIndex]?.text;
    expect(spoken).toContain("[REDACTED:card]");
    expect(spoken).not.toContain(mention.pan.slice(-4));
    expect(redactedText.length).toBeGreaterThan(0);
    expect((await seeded.truth.recordings()).find((r) => r.id === recording.id)?.redactions).toMatchObject([{ channel: mention.channel, startMs: mention.startMs, endMs: mention.endMs }]);
  });
});
