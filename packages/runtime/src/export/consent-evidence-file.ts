/*
 * The person's consent-to-record evidence in their access bundle (`consent-evidence.json`): for
 * each recorded call of theirs in the bundle, what the ledger holds about their leg — when they
 * were told, how they answered, when they withdrew, which rule applied and whether the recording
 * had the consent it needed. Offsets are milliseconds from the start of the recording.
 */

export const consentEvidenceEntryName = "consent-evidence.json";

export interface ConsentEvidenceItem {
  system: string;
  recording: { type: string; id: string };
  callStartedAt: string;
  role: string;
  channel: number | null;
  joinedAtMs: number;
  /** The participant's identifiers as the ledger shows them (masked). */
  knownAs: { kind: string; masked: string }[];
  region: string;
  rule: string;
  disclosedAtMs: number | null;
  consentedAtMs: number | null;
  capture: string | null;
  withdrawnAtMs: number | null;
  consented: boolean;
  unconsented: { fromMs: number; toMs: number }[];
  reason: string;
}

export function consentEvidenceJson(items: readonly ConsentEvidenceItem[]): Buffer {
  return Buffer.from(`${JSON.stringify({ consentToRecord: items }, null, 2)}\n`, "utf8");
}

/** The index's section on it, escaped by `text`; empty when the bundle holds no evidence. */
export function consentEvidenceSection(items: readonly ConsentEvidenceItem[], text: (value: string) => string): string {
  if (items.length === 0) return "";
  const rows = items.map((item) => {
    const answer = item.consentedAtMs !== null ? `agreed${item.capture ? ` (${item.capture})` : ""}` : "no consent recorded";
    const withdrawn = item.withdrawnAtMs !== null ? `; withdrawn after ${(item.withdrawnAtMs / 1000).toFixed(1)} s` : "";
    return `<tr><td>${text(item.system)}</td><td>${text(item.callStartedAt)}</td><td>${text(answer + withdrawn)}</td><td>${text(item.reason)}</td></tr>`;
  });
  return `<section id="consent-to-record">
<h2>Your consent to call recording</h2>
<p>For each recorded call in this bundle: whether you were told the call was recorded, how you answered, and
the rule that applied. The full detail is in <code>${text(consentEvidenceEntryName)}</code>.</p>
<table>
<thead><tr><th>System</th><th>Call started</th><th>Your answer</th><th>Rule</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</section>`;
}
