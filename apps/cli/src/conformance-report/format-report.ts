import type { CheckOutcome } from "./check-outcome";

export interface ConformanceReport {
  /** e.g. "connector acme-desk@0.1.0 conformance". */
  heading: string;
  checks: CheckOutcome[];
  /** Failures outside any check: the test file did not load, the sandbox did not start. */
  errors: string[];
  durationMs: number;
}

const marks = { passed: "✓", failed: "✗", skipped: "-" } as const;

/** The human report: checks grouped by conformance group, each failure with why and the vendor calls before it. */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines: string[] = [report.heading, ""];
  const groups = new Map<string, CheckOutcome[]>();
  for (const check of report.checks) groups.set(check.group, [...(groups.get(check.group) ?? []), check]);
  for (const [group, checks] of groups) {
    lines.push(group);
    for (const check of checks) {
      const id = check.id ? ` [${check.id}]` : "";
      if (check.state === "skipped") {
        lines.push(`  ${marks.skipped} ${check.title}${id} — skipped: ${check.reason ?? "no reason given"}`);
        continue;
      }
      lines.push(`  ${marks[check.state]} ${check.title}${id}`);
      if (check.state !== "failed") continue;
      lines.push(...indent(`why: ${check.reason ?? "no message"}`, "      "));
      if (check.vendorCalls && check.vendorCalls.length > 0) {
        lines.push("      vendor calls just before:");
        for (const call of check.vendorCalls) lines.push(`        ${call.method} ${call.path} → ${call.status ?? call.error ?? "no answer"}`);
      } else {
        lines.push("      no vendor call was made in this check");
      }
    }
    lines.push("");
  }
  for (const error of report.errors) lines.push(...indent(`✗ ${error}`, ""), "");
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
}

export function summaryLine(report: ConformanceReport): string {
  const count = (state: CheckOutcome["state"]) => report.checks.filter((check) => check.state === state).length;
  const failed = count("failed") + report.errors.length;
  const verdict = failed > 0 ? "FAILED" : "passed";
  return `conformance ${verdict}: ${count("passed")} passed, ${failed} failed, ${count("skipped")} skipped (${(report.durationMs / 1000).toFixed(1)} s)`;
}

export function reportFailed(report: ConformanceReport): boolean {
  return report.errors.length > 0 || report.checks.some((check) => check.state === "failed") || report.checks.length === 0;
}

/** A check's message can list hundreds of findings; the first dozen say what is wrong. */
const shownLines = 12;

function indent(text: string, prefix: string): string[] {
  const lines = text.split("\n");
  const shown = lines.slice(0, shownLines).map((line) => `${prefix}${line}`);
  if (lines.length > shownLines) shown.push(`${prefix}  … and ${lines.length - shownLines} more lines`);
  return shown;
}
