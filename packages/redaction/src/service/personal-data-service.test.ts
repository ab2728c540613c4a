import { describe, expect, it } from "vitest";
import { personalDataService } from "./personal-data-service";

describe("personalDataService (the SDK's ctx.personalData)", () => {
  it("finds a spoken card number by type, offsets only, never the matched text", () => {
    const text = "my card is four one one one one one one one one one one one one one one one thanks";
    const spans = personalDataService.find(text, { types: ["card"] });
    expect(spans).toHaveLength(1);
    expect(spans[0]).toEqual({ type: "card", start: 11, end: text.indexOf(" thanks"), confidence: expect.any(Number) });
    expect(personalDataService.find(text, { types: ["email"] })).toEqual([]);
  });

  it("finds the subject's own identifiers and name whatever the types asked for", () => {
    const text = "this is Ada Lovelace, customer C-123456";
    const spans = personalDataService.find(text, {
      types: ["email"],
      subject: { identifiers: [{ kind: "customer_id", value: "C-123456" }], names: ["Ada Lovelace"] },
      regions: ["GB", "not-a-region"],
    });
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(["Ada Lovelace", "C-123456"]);
  });

  it("maps spans onto the audio of the words that said them, and merges near ranges per channel", () => {
    const words = [
      { text: "call", startMs: 0, endMs: 200, channel: 1 },
      { text: "me", startMs: 250, endMs: 400, channel: 1 },
      { text: "now", startMs: 2000, endMs: 2300, channel: 1 },
    ];
    expect(personalDataService.audioRanges(words, [{ start: 5, end: 7 }], { paddingMs: 10 })).toEqual([{ channel: 1, startMs: 240, endMs: 410 }]);
    expect(
      personalDataService.mergeAudioRanges(
        [
          { channel: 0, startMs: 0, endMs: 100 },
          { channel: 0, startMs: 150, endMs: 300 },
          { channel: 1, startMs: 150, endMs: 300 },
        ],
        60,
      ),
    ).toEqual([
      { channel: 0, startMs: 0, endMs: 300 },
      { channel: 1, startMs: 150, endMs: 300 },
    ]);
  });
});
