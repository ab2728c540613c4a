import type { ConsentRecord } from "../vendor/records";

/** The fact tag of a purpose the caller consented to, e.g. `consent:quality-training`. */
export const consentTag = (purpose: string): string => `consent:${purpose}`;

/**
 * The purposes beyond recording itself that the call's consent events leave consented: per
 * purpose, the last `given`, `declined` or `withdrawn` event decides (a withdrawal after a yes is a
 * no, GDPR Art. 7(3)). As tags, so a schedule can keep recordings consented for quality training.
 */
export function consentTags(consent: ConsentRecord): string[] {
  const last = new Map<string, { at: number; given: boolean }>();
  for (const event of consent.events) {
    const purpose = event.purpose ?? "recording";
    if (purpose === "recording" || event.type === "consent.requested") continue;
    const at = Date.parse(event.at);
    const previous = last.get(purpose);
    if (!previous || at >= previous.at) last.set(purpose, { at, given: event.type === "consent.given" });
  }
  return [...last].filter(([, decision]) => decision.given).map(([purpose]) => consentTag(purpose)).sort();
}
