import { piiTextDatasetPath as datasetPath } from "@lethe/test-data";
import { describe, expect, it } from "vitest";
import { detectPii } from "./detect-pii";
import { formatQualityTable, loadLabelledDataset, measureDetectionQuality } from "./detection-quality";

// presidio-research's synthetic dataset, vendored in @lethe/test-data with its licence.

describe("detection quality on synth_dataset_v2.json", () => {
  it("finds at least 95% of the labelled phone numbers, e-mail addresses, card numbers and IBANs", async () => {
    const dataset = await loadLabelledDataset(datasetPath);
    expect(dataset.length).toBe(1500);
    const rows = measureDetectionQuality(dataset, (text) => detectPii(text));
    process.stdout.write(`\n${formatQualityTable(rows)}\n`);
    const recall = Object.fromEntries(rows.map((row) => [row.type, row.recall]));
    expect(recall.phone).toBeGreaterThanOrEqual(0.95);
    expect(recall.email).toBeGreaterThanOrEqual(0.95);
    expect(recall.card).toBeGreaterThanOrEqual(0.95);
    expect(recall.iban).toBeGreaterThanOrEqual(0.95);
    // Every labelled type is present in the measurement, also the best-effort ones.
    expect(rows.map((row) => row.type)).toEqual(["phone", "email", "card", "iban", "person", "address"]);
    expect(rows.every((row) => row.labelled > 0)).toBe(true);
  });

  it("scores a detector that finds nothing at zero recall, so the gate above can fail", () => {
    const rows = measureDetectionQuality([{ text: "call 020 7946 0958", spans: [{ type: "PHONE_NUMBER", start: 5, end: 18 }] }], () => []);
    expect(rows.find((row) => row.type === "phone")?.recall).toBe(0);
  });

  it("counts a labelled span as found only when every letter and digit of it is covered", () => {
    const text = "call 020 7946 0958";
    const label = { type: "PHONE_NUMBER", start: 5, end: 18 };
    const partial = measureDetectionQuality([{ text, spans: [label] }], () => [{ type: "phone", start: 5, end: 13, confidence: 1, detector: "test" }]);
    expect(partial.find((row) => row.type === "phone")).toMatchObject({ recall: 0, overlapRecall: 1, precision: 1 });
  });
});
