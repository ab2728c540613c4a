import type { RecordingOutcome } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { describeMutedRange, recordingAudioUrl, recordingRows } from "./recording-outcomes-view-model";

const requestId = "11111111-1111-4111-8111-111111111111";
const instanceId = "22222222-2222-4222-8222-222222222222";

function recording(recordingId: string, overrides: Partial<RecordingOutcome>): RecordingOutcome {
  return {
    instanceId,
    instanceName: "Call recorder",
    recordingId,
    outcome: "located",
    hold: null,
    mutedRanges: [],
    detail: null,
    audioAvailable: true,
    at: null,
    ...overrides,
  };
}

describe("the per-recording outcome view", () => {
  it("says what became of each recording: deleted, retained under which hold and why, redacted where", () => {
    const rows = recordingRows(
      requestId,
      [
        recording("rec_c", { outcome: "redacted", mutedRanges: [{ channel: 1, startMs: 5200, endMs: 8950 }, { channel: 0, startMs: 600, endMs: 1400 }] }),
        recording("rec_a", { outcome: "deleted", audioAvailable: false }),
        recording("rec_b", { outcome: "retained", hold: { id: "LH-2025-017", basis: "Litigation hold: complaint escalated" } }),
      ],
      true,
    );
    expect(rows.map((row) => [row.recordingId, row.outcome, row.explanation])).toEqual([
      ["rec_a", "deleted", "Deleted from the recorder: audio, transcript and consent events."],
      ["rec_b", "retained", "Retained under legal hold LH-2025-017: Litigation hold: complaint escalated."],
      ["rec_c", "redacted", "Redacted: muted channel 1, 5.2–8.95 s; channel 0, 0.6–1.4 s."],
    ]);
  });

  it("offers the player only where there is audio, through the API's authenticated route", () => {
    const rows = recordingRows(requestId, [recording("rec_gone", { outcome: "deleted", audioAvailable: false }), recording("rec_1/x", { outcome: "redacted" })], true);
    expect(rows.find((row) => row.recordingId === "rec_gone")?.audioUrl).toBeNull();
    expect(rows.find((row) => row.recordingId === "rec_1/x")?.audioUrl).toBe(
      `/api/v1/requests/${requestId}/recording-audio?instanceId=${instanceId}&recordingId=rec_1%2Fx`,
    );
    expect(recordingAudioUrl(requestId, { instanceId, recordingId: "rec_1" })).toContain(`/requests/${requestId}/`);
  });

  it("shows no player for a call the plan does not include as the subject's, even to a role that may listen", () => {
    // The API marks another person's call (excluded in review) or one awaiting review as without audio.
    const rows = recordingRows(requestId, [recording("rec_neighbour", { outcome: "located", audioAvailable: false })], true);
    expect(rows.map((row) => [row.audioUrl, row.noAudio])).toEqual([[null, "Not included as the subject's (excluded or awaiting review)"]]);
  });

  it("shows no player to a role that may not listen, and says why", () => {
    const rows = recordingRows(requestId, [recording("rec_1", { outcome: "redacted" }), recording("rec_gone", { outcome: "deleted", audioAvailable: false })], false);
    expect(rows.map((row) => [row.recordingId, row.audioUrl, row.noAudio])).toEqual([
      ["rec_1", null, "Your role may not listen to calls"],
      ["rec_gone", null, "No audio"],
    ]);
  });

  it("writes muted ranges in seconds a reviewer can find on the player", () => {
    expect(describeMutedRange({ channel: 0, startMs: 0, endMs: 1000 })).toBe("channel 0, 0.0–1.0 s");
    expect(describeMutedRange({ channel: 1, startMs: 12345, endMs: 15000 })).toBe("channel 1, 12.35–15.0 s");
  });
});
