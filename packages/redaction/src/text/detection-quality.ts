import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { PiiSpan, PiiType } from "./pii-span";

/** One labelled text of presidio-research's synthetic dataset (`synth_dataset_v2.json`). */
const labelledTextSchema = z.object({
  full_text: z.string(),
  spans: z.array(
    z.object({
      entity_type: z.string(),
      entity_value: z.string(),
      start_position: z.int().nonnegative(),
      end_position: z.int().nonnegative(),
    }),
  ),
});
export const labelledDatasetSchema = z.array(labelledTextSchema);

export interface LabelledText {
  text: string;
  spans: { type: string; start: number; end: number }[];
}

/** The dataset's labels for the types this package detects; other labels (ORGANIZATION, GPE …) are not scored. */
export const datasetLabels: Record<string, PiiType> = {
  EMAIL_ADDRESS: "email",
  PHONE_NUMBER: "phone",
  CREDIT_CARD: "card",
  IBAN_CODE: "iban",
  PERSON: "person",
  STREET_ADDRESS: "address",
};

export async function loadLabelledDataset(path: string): Promise<LabelledText[]> {
  const parsed = labelledDatasetSchema.parse(JSON.parse(await readFile(path, "utf8")));
  return parsed.map((entry) => ({
    text: entry.full_text,
    spans: entry.spans.map((span) => ({ type: span.entity_type, start: span.start_position, end: span.end_position })),
  }));
}

export interface TypeQuality {
  type: PiiType;
  /** Labelled spans of this type. */
  labelled: number;
  /** Labelled spans whose every letter and digit lies inside detected spans of this type (nothing readable is left). */
  covered: number;
  /** Labelled spans that a detected span of this type at least overlaps. */
  touched: number;
  detected: number;
  /** Detected spans that overlap a labelled span of this type. */
  correct: number;
  /** covered ÷ labelled: recall as a redaction needs it. */
  recall: number;
  /** touched ÷ labelled: the lenient reading. */
  overlapRecall: number;
  /** correct ÷ detected. */
  precision: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && a.end > b.start;

function isCovered(text: string, label: { start: number; end: number }, spans: readonly PiiSpan[]): boolean {
  for (let offset = label.start; offset < label.end; offset++) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(offset))) continue;
    if (!spans.some((span) => span.start <= offset && span.end > offset)) return false;
  }
  return true;
}

/**
 * Recall and precision per type of `detect` against labelled texts. Recall counts a labelled
 * span as found when detected spans of the same type cover all its letters and digits; precision
 * counts a detected span as right when it overlaps a labelled span of its type.
 */
export function measureDetectionQuality(
  dataset: readonly LabelledText[],
  detect: (text: string) => readonly PiiSpan[],
  types: readonly PiiType[] = ["phone", "email", "card", "iban", "person", "address"],
): TypeQuality[] {
  const counts = new Map(types.map((type) => [type, { labelled: 0, covered: 0, touched: 0, detected: 0, correct: 0 }]));
  for (const entry of dataset) {
    const detected = detect(entry.text);
    for (const type of types) {
      const count = counts.get(type);
      if (!count) continue;
      const labels = entry.spans.filter((span) => datasetLabels[span.type] === type);
      const mine = detected.filter((span) => span.type === type);
      count.labelled += labels.length;
      count.covered += labels.filter((label) => isCovered(entry.text, label, mine)).length;
      count.touched += labels.filter((label) => mine.some((span) => overlaps(span, label))).length;
      count.detected += mine.length;
      count.correct += mine.filter((span) => labels.some((label) => overlaps(span, label))).length;
    }
  }
  return types.map((type) => {
    const count = counts.get(type) ?? { labelled: 0, covered: 0, touched: 0, detected: 0, correct: 0 };
    return {
      type,
      ...count,
      recall: count.labelled === 0 ? 1 : count.covered / count.labelled,
      overlapRecall: count.labelled === 0 ? 1 : count.touched / count.labelled,
      precision: count.detected === 0 ? 1 : count.correct / count.detected,
    };
  });
}

/** A plain-text table of the measurement, for test output and the README. */
export function formatQualityTable(rows: readonly TypeQuality[]): string {
  const header = "type      labelled  detected  recall  overlap-recall  precision";
  const lines = rows.map((row) =>
    [
      row.type.padEnd(8),
      String(row.labelled).padStart(9),
      String(row.detected).padStart(9),
      row.recall.toFixed(3).padStart(7),
      row.overlapRecall.toFixed(3).padStart(15),
      row.precision.toFixed(3).padStart(10),
    ].join(" "),
  );
  return [header, ...lines].join("\n");
}
