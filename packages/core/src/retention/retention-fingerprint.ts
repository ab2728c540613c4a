import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/canonical-json";

/** What an approval of a retention schedule covers: everything that decides what it erases. */
export interface RetentionScheduleTerms {
  instanceId: string;
  recordType: string;
  period: string;
  action: "erase";
  keepWhenTagged: readonly string[];
}

/**
 * SHA-256 of the schedule's terms as canonical JSON (keep-tags sorted and de-duplicated, so the
 * same terms written in another order hash the same). The name is not part of it: renaming a
 * schedule erases nothing new, so it needs no new approval; any other change does.
 */
export function retentionFingerprint(terms: RetentionScheduleTerms): string {
  const canonical = canonicalJson({
    instanceId: terms.instanceId,
    recordType: terms.recordType,
    period: terms.period,
    action: terms.action,
    keepWhenTagged: [...new Set(terms.keepWhenTagged)].sort(),
  });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
