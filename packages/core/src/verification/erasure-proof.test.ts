import { describe, expect, it } from "vitest";
import { anonymisedVerdict, erasedVerdict, readBackSelection, redactedVerdict } from "./erasure-proof";

const item = (key: string, action: string | null, mention = false) => ({ key, action, mention });

describe("which records verification reads back by id", () => {
  const plan = [
    item("r/erased", "erase"),
    item("r/absent", "erase"),
    item("r/pending", "erase"),
    item("r/retained", "erase"),
    item("r/redacted", "redact", true),
    item("r/kept-whole", "redact"),
    item("r/anonymised", "anonymise"),
    item("r/erase-anonymised", "erase"),
    item("r/mention-erased", "redact", true),
    item("r/own-redact-erased", "redact"),
    item("r/skipped", "skip"),
    item("r/never-ran", "erase"),
  ];
  const settled = new Map([
    ["r/erased", "erased"],
    ["r/absent", "already-absent"],
    ["r/pending", "pending"],
    ["r/retained", "retained"],
    ["r/redacted", "redacted"],
    ["r/kept-whole", "retained"],
    ["r/anonymised", "anonymised"],
    ["r/erase-anonymised", "anonymised"],
    ["r/mention-erased", "erased"],
    ["r/own-redact-erased", "erased"],
    ["r/skipped", "erased"],
  ]);

  it("erased ones the vendor reported gone, anonymised ones, and redacted ones reported clean; nothing kept on purpose", () => {
    const selected = readBackSelection(plan, settled, new Set());
    expect(selected.erased.map((entry) => entry.key)).toEqual(["r/erased", "r/absent"]);
    expect(selected.anonymised.map((entry) => entry.key)).toEqual(["r/anonymised", "r/erase-anonymised"]);
    // A mention settled by any outcome that claims the subject is out of it; the subject's own
    // record the plan redacted only when the vendor reported it redacted.
    expect(selected.redacted.map((entry) => entry.key)).toEqual(["r/redacted", "r/mention-erased"]);
  });

  it("not those already receipted in verify (found by the search, or read back before a crash)", () => {
    const selected = readBackSelection(plan, settled, new Set(["r/erased", "r/redacted", "r/mention-erased"]));
    expect(selected.erased.map((entry) => entry.key)).toEqual(["r/absent"]);
    expect(selected.redacted).toEqual([]);
  });
});

describe("what a read-back proves", () => {
  it("an erased record no longer held is verified; still held is still-present, naming what was found", () => {
    expect(erasedVerdict({ present: false })).toEqual({ outcome: "verified", detail: "read back by id: the vendor no longer holds it" });
    expect(erasedVerdict({ present: true, detail: "transcript still served" }, "already-absent")).toEqual({
      outcome: "still-present",
      detail: 'read back by id after the vendor reported it "already-absent": transcript still served',
    });
    expect(erasedVerdict({ present: true }).detail).toMatch(/the vendor still holds it/);
  });

  it.each([
    { presence: { present: true, mentionsSubject: false }, mention: true, outcome: "verified" },
    { presence: { present: true, mentionsSubject: true }, mention: true, outcome: "still-present" },
    { presence: { present: false }, mention: true, outcome: "lost" },
    { presence: { present: false, detail: "in the recycle bin" }, mention: false, outcome: "lost" },
  ])("a redacted record read back as $presence is $outcome", ({ presence, mention, outcome }) => {
    expect(redactedVerdict(presence, mention)?.outcome).toBe(outcome);
  });

  it("says whose record was lost", () => {
    expect(redactedVerdict({ present: false }, true)?.detail).toMatch(/another person's record the plan only redacted/);
    expect(redactedVerdict({ present: false, detail: "purged" }, false)?.detail).toBe(
      "read back by id: a record the plan kept and only redacted is gone from the vendor (purged)",
    );
  });

  it("proves nothing when a present record's answer does not say whether it still mentions the subject", () => {
    expect(redactedVerdict({ present: true }, true)).toBeNull();
    expect(anonymisedVerdict({ present: true })).toBeNull();
  });

  it("an anonymised record is verified gone or kept without the subject's identifiers; holding one is still-present", () => {
    expect(anonymisedVerdict({ present: false })?.outcome).toBe("verified");
    expect(anonymisedVerdict({ present: true, mentionsSubject: false })?.outcome).toBe("verified");
    expect(anonymisedVerdict({ present: true, mentionsSubject: true, detail: "email field" })).toEqual({
      outcome: "still-present",
      detail: 'read back by id after the vendor reported it "anonymised": it still holds the subject\'s identifiers (email field)',
    });
  });

  it("names the settled outcome a mention's read-back contradicts", () => {
    expect(redactedVerdict({ present: true, mentionsSubject: true }, true, "erased")?.detail).toMatch(/reported it "erased": another person's record still mentions the subject/);
  });
});
