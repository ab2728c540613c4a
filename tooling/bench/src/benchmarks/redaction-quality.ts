import { detectPii, loadLabelledDataset, measureDetectionQuality, type PiiSpan, type TypeQuality } from "@lethe/redaction";
import { piiTextDatasetPath } from "@lethe/test-data";
import type { Benchmark, BenchmarkRow } from "../benchmark";

const defaultDataset = piiTextDatasetPath;

/**
 * The baseline: the regular expressions a first attempt would use (no checksums, no phone
 * metadata, no context), so the table shows what the detectors' checks and formats buy.
 */
const naivePatterns: [PiiSpan["type"], RegExp][] = [
  ["email", /[\w.+-]+@[\w-]+\.[\w.]+\w/g],
  ["card", /\b(?:\d[ -]?){12,18}\d\b/g],
  ["iban", /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/g],
  ["phone", /\+?\(?\d{2,4}\)?[ .-]?\d{2,4}[ .-]?\d{2,4}(?:[ .-]?\d{2,4})?/g],
];

function detectNaively(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const [type, pattern] of naivePatterns) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (spans.some((span) => span.start < end && span.end > start)) continue;
      spans.push({ type, start, end, confidence: 1, detector: "naive-regex" });
    }
  }
  return spans;
}

/**
 * Recall and precision per entity type of `detectPii` on presidio-research's labelled synthetic
 * texts, beside naive regular expressions measured on the same texts in the same run. Person and
 * address have no naive baseline (0). Recall: every letter and digit of a labelled span covered.
 */
export const redactionQuality: Benchmark = {
  name: "redaction-quality",
  description: "PII detection recall/precision per type on synth_dataset_v2.json vs. naive regular expressions",
  async run({ flags, log }) {
    const datasetPath = flags.string("dataset", defaultDataset);
    const minConfidence = flags.number("min-confidence", 0.5);
    const dataset = await loadLabelledDataset(datasetPath);
    log(`redaction-quality: ${dataset.length} labelled texts from ${datasetPath}, minConfidence ${minConfidence}`);
    const started = performance.now();
    const measured = measureDetectionQuality(dataset, (text) => detectPii(text, { minConfidence }));
    const detectMs = performance.now() - started;
    const baselineStarted = performance.now();
    const baseline = measureDetectionQuality(dataset, detectNaively);
    const baselineMs = performance.now() - baselineStarted;
    const byType = new Map(baseline.map((row) => [row.type, row]));
    const rows: BenchmarkRow[] = [];
    for (const row of measured) {
      const other: TypeQuality | undefined = byType.get(row.type);
      log(`redaction-quality: ${row.type}: ${row.labelled} labelled, ${row.detected} detected, overlap recall ${row.overlapRecall.toFixed(3)}`);
      rows.push({ metric: `${row.type} recall`, value: row.recall, baseline: other?.recall ?? 0, better: "higher" });
      rows.push({ metric: `${row.type} precision`, value: row.precision, baseline: other?.detected ? other.precision : 0, better: "higher" });
    }
    rows.push({ metric: "ms per text", value: detectMs / dataset.length, baseline: baselineMs / dataset.length, better: "lower" });
    return rows;
  },
};
