import { describe, expect, it } from "vitest";
import { detailOf } from "../test/request-detail-fixture";
import { fitToWidth, progressLine, summariseProgress } from "./wait-progress-line";

describe("summariseProgress and progressLine", () => {
  it("counts each located record by its latest receipt, per instance", () => {
    const detail = detailOf({
      status: "executing",
      located: [
        { instance: "demo-reference", id: "n1" },
        { instance: "demo-reference", id: "n2" },
        { instance: "demo-reference", id: "n3" },
        { instance: "demo-recorder", id: "r1" },
        { instance: "demo-recorder", id: "r2" },
      ],
      receipts: [
        { instance: "demo-reference", id: "n1", outcome: "erased" },
        { instance: "demo-reference", id: "n1", outcome: "verified" },
        { instance: "demo-reference", id: "n2", outcome: "retained" },
        { instance: "demo-recorder", id: "r1", outcome: "pending" },
        { instance: "demo-recorder", id: "r2", outcome: "pending" },
        { instance: "demo-recorder", id: "r2", outcome: "erased" },
        { instance: "demo-recorder", id: "r2", outcome: "still-present" },
      ],
    });
    const progress = summariseProgress(detail);
    expect(progress.instances).toEqual([
      { name: "demo-recorder", located: 2, erased: 0, retained: 0, waiting: 1, failed: 1 },
      { name: "demo-reference", located: 3, erased: 1, retained: 1, waiting: 0, failed: 0 },
    ]);
    expect(progressLine(progress)).toBe(
      "executing · demo-recorder 2 located, 1 waiting, 1 failed · demo-reference 3 located, 1 erased, 1 retained",
    );
  });

  it("says when nothing is located yet", () => {
    expect(progressLine(summariseProgress(detailOf({ status: "locating" })))).toBe("locating · nothing located yet");
  });

  it("cuts a line to the terminal's width, and leaves it whole without one", () => {
    expect(fitToWidth("a".repeat(100), 40)).toBe(`${"a".repeat(38)}…`);
    expect(fitToWidth("a".repeat(100), undefined)).toHaveLength(100);
    expect(fitToWidth("short", 40)).toBe("short");
  });
});
