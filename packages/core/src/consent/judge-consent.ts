import type { CallParticipantConsent, ConsentCapture, ConsentFact } from "@lethe/connector-sdk";
import { jurisdictionOf, type RecordingRule } from "./recording-rule";

/** A stretch of one participant's recording, in milliseconds from the start of the call. */
export interface UnconsentedStretch {
  fromMs: number;
  toMs: number;
}

export interface ConsentJudgement {
  region: string;
  rule: RecordingRule;
  /** No stretch of the participant's recording lacks the consent their rule needs. */
  consented: boolean;
  /** The stretches that lack it, in order; empty when `consented`. */
  unconsented: UnconsentedStretch[];
  disclosedAtMs: number | null;
  consentedAtMs: number | null;
  capture: ConsentCapture | null;
  withdrawnAtMs: number | null;
  /** Why, in words for the officer. Never personal data. */
  reason: string;
}

/**
 * A notice that plays as a party joins leaves a moment of their line recorded before they can
 * answer; a notice later than this after they joined leaves them recorded unannounced.
 */
export const noticeGraceMs = 2000;

/**
 * Whether a participant's recording had the consent their rule needs, and which stretches did
 * not: a decision on the vendor's facts alone, the same for every system.
 * - Staff (`agent`) are told by their employment's recording notice; one-party participants need
 *   nobody's consent but the organisation's. Either is still unconsented from an explicit refusal
 *   or withdrawal on: a person who says no is not recorded on, whatever the statute allows.
 * - An all-party participant is consented from the notice their `given` answered (or the answer
 *   itself when no notice came before it); the stretch before that, beyond `noticeGraceMs` after
 *   they joined, is not. No `given`, or a `declined`: unconsented from joining. A withdrawal ends
 *   consent for the rest of their time on the call.
 */
export function judgeConsent(participant: CallParticipantConsent, callDurationMs: number): ConsentJudgement {
  const phone = participant.identifiers.find((identifier) => identifier.kind === "phone")?.value;
  const jurisdiction =
    participant.role === "agent"
      ? { region: participant.region ?? "organisation", rule: "staff-notice" as const, basis: "staff are told by the organisation's recording notice" }
      : jurisdictionOf({ ...(participant.region ? { region: participant.region } : {}), ...(phone ? { phone } : {}) });
  const facts = [...participant.facts].sort((a, b) => a.atMs - b.atMs);
  const end = Math.min(callDurationMs, participant.leftAtMs ?? callDurationMs);
  const joined = Math.min(participant.joinedAtMs, end);
  const disclosed = first(facts, "disclosed");
  const refusal = first(facts, "declined");
  const given = facts.find((fact) => fact.kind === "given" && (refusal === undefined || fact.atMs < refusal.atMs));
  const withdrawn = given ? facts.find((fact) => fact.kind === "withdrawn" && fact.atMs >= given.atMs) : undefined;
  const notice = given ? lastBefore(facts, "disclosed", given.atMs) : disclosed;
  const base = {
    region: jurisdiction.region,
    rule: jurisdiction.rule,
    disclosedAtMs: notice?.atMs ?? disclosed?.atMs ?? null,
    consentedAtMs: given?.atMs ?? null,
    capture: given?.capture ?? notice?.capture ?? null,
    withdrawnAtMs: withdrawn?.atMs ?? null,
  };
  const stretches: UnconsentedStretch[] = [];
  const add = (fromMs: number, toMs: number) => {
    if (toMs > fromMs) stretches.push({ fromMs, toMs });
  };
  let reason: string;

  if (jurisdiction.rule !== "all-party") {
    const objection = refusal ?? withdrawn;
    if (objection) add(Math.max(joined, objection.atMs), end);
    reason = objection ? `${jurisdiction.basis}; the participant ${objection.kind === "declined" ? "declined" : "withdrew consent"} at ${seconds(objection.atMs)}` : jurisdiction.basis;
  } else if (!given) {
    add(joined, end);
    reason = refusal ? `${jurisdiction.basis}; the participant declined at ${seconds(refusal.atMs)}` : `${jurisdiction.basis}; no consent was captured${disclosed ? "" : " and no notice played"}`;
  } else {
    const coveredFrom = notice?.atMs ?? given.atMs;
    if (coveredFrom - joined > noticeGraceMs) add(joined, coveredFrom);
    if (withdrawn) add(Math.max(joined, withdrawn.atMs), end);
    reason = withdrawn
      ? `${jurisdiction.basis}; consent given at ${seconds(given.atMs)} was withdrawn at ${seconds(withdrawn.atMs)}`
      : stretches.length > 0
        ? `${jurisdiction.basis}; recorded for ${seconds(coveredFrom - joined)} before the notice`
        : `${jurisdiction.basis}; consent given at ${seconds(given.atMs)}`;
  }
  return { ...base, consented: stretches.length === 0, unconsented: stretches, reason };
}

function first(facts: readonly ConsentFact[], kind: ConsentFact["kind"]): ConsentFact | undefined {
  return facts.find((fact) => fact.kind === kind);
}

function lastBefore(facts: readonly ConsentFact[], kind: ConsentFact["kind"], atMs: number): ConsentFact | undefined {
  return facts.filter((fact) => fact.kind === kind && fact.atMs <= atMs).at(-1);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
