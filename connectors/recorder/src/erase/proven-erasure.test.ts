import type { OraclePerson } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { collect, useSeededRecorder } from "../../test/recorder-context";
import { locate } from "../locate/locate";
import { confirmDeletions } from "./confirm-deletions";
import { eraseRecordings } from "./erase-recordings";
import { readBackRecords } from "./read-back";

const seeded = useSeededRecorder();

const day = 24 * 60 * 60 * 1000;
const ctx = () => seeded.ctx();

async function firstSubject(): Promise<OraclePerson> {
  const subject = (await seeded.oracle.people()).find((p) => p.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  return subject;
}

describe("what the recorder tells before and after an erasure", () => {
  it("reports its own legal hold on a held call's three records when it locates them, with the hold's basis", async () => {
    const subject = await firstSubject();
    const located = await collect(locate(ctx(), { identifiers: subject.identifiers }));
    const recordings = await seeded.truth.recordings();
    const held = recordings.filter((r) => r.legalHold !== null && located.some((l) => l.ref.id === r.id));
    expect(held.length).toBeGreaterThan(0);
    for (const recording of held) {
      const records = located.filter((l) => l.ref.id === recording.id);
      expect(records.map((r) => r.ref.type).sort()).toEqual(["consent", "recording", "transcript"]);
      for (const record of records) expect(record.vendorHold).toEqual({ basis: recording.legalHold?.basis, id: recording.legalHold?.holdId });
    }
    const free = located.filter((l) => recordings.find((r) => r.id === l.ref.id)?.legalHold === null);
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((record) => record.vendorHold === undefined)).toBe(true);
  });

  it("reads back by id what a job that reported success left behind: the transcript and consent events, not the purged recording", async () => {
    const subject = await firstSubject();
    const recording = (await seeded.truth.recordings()).find((r) => r.legalHold === null && r.participants.some((p) => p.personId === subject.id));
    if (!recording) throw new Error("no free call of the subject");
    const refs = (["recording", "transcript", "consent"] as const).map((type) => ({ type, id: recording.id }));
    await seeded.truth.leavePartsOfNextJobs(1);
    const receipts = await collect(eraseRecordings(ctx(), refs, { action: "erase" }));
    await seeded.oracle.moveClock({ advanceMs: day });
    // The job says FULFILLED and the recording is gone: the connector's confirm believes it.
    expect((await collect(confirmDeletions(ctx(), receipts))).map((r) => r.outcome)).toEqual(["erased", "erased", "erased"]);
    const presence = await collect(readBackRecords(ctx(), refs));
    expect(presence.map((p) => [p.ref.type, p.present])).toEqual([["recording", false], ["transcript", true], ["consent", true]]);
    expect((await seeded.oracle.records(subject.id)).filter((r) => r.ref.id === recording.id).map((r) => r.ref.type).sort()).toEqual(["consent", "transcript"]);
    // No search finds them any more.
    const located = await collect(locate(ctx(), { identifiers: subject.identifiers }));
    expect(located.some((l) => l.ref.id === recording.id)).toBe(false);
  });

  it("reads an erased call back as gone when the job did its work", async () => {
    const subject = await firstSubject();
    const recording = (await seeded.truth.recordings()).find((r) => r.legalHold === null && r.participants.some((p) => p.personId === subject.id));
    if (!recording) throw new Error("no free call of the subject");
    const refs = (["recording", "transcript", "consent"] as const).map((type) => ({ type, id: recording.id }));
    await collect(eraseRecordings(ctx(), refs, { action: "erase" }));
    await seeded.oracle.moveClock({ advanceMs: day });
    expect((await collect(readBackRecords(ctx(), refs))).every((p) => !p.present)).toBe(true);
  });
});
