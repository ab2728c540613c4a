import { ConfigurationError, type ErasePlan, type ErasureReceipt, type RecordRef, type RedactionSpan } from "@lethe/connector-sdk";
import { redactRecording } from "../redact-recording";
import type { RecorderContext } from "../settings";
import { readRecording } from "../vendor/read-recording";
import { readTranscript } from "../vendor/read-transcript";
import { isRecorderRecordType, type RecordingRecord, type TranscriptRecord } from "../vendor/records";
import { subjectOnCall } from "./subject-on-call";
import { subjectSpeechRedaction, type RedactScope } from "./subject-speech-spans";

export type RedactPlan = Extract<ErasePlan, { action: "redact" }>;

const scopes: readonly RedactScope[] = ["personal-data", "whole-party"];
const redactedWord = /^\[REDACTED:[^\]]*\]$/;

/**
 * Redact mode (issue 7): the call is kept — under a legal hold that allows it, or by policy — and
 * the subject's part of it removed: their channel muted where they spoke personal data (or all of
 * it, scope `whole-party`) and those words of their utterances redacted, through the recorder's
 * redaction endpoint, which a hold does not refuse. The agent's side stays as evidence: only a
 * channel carrying the subject alone is ever muted. A call on which the subject cannot be told
 * apart from the others is left as it was, `retained` with the reason.
 *
 * One redaction per call, shared by its recording and transcript refs; the consent events are kept
 * (they record that the call was lawfully recorded and hold nothing the subject said). Repeating
 * it redacts nothing twice: redacted words are not detected again and a muted channel is not
 * muted again, and the receipt is `redacted` from what the recorder already shows.
 */
export async function* redactForSubject(ctx: RecorderContext, refs: RecordRef[], plan: RedactPlan): AsyncGenerator<ErasureReceipt> {
  if (!scopes.includes(plan.scope)) throw new ConfigurationError(`A redact plan's scope is "personal-data" or "whole-party", not "${String(plan.scope)}"`);
  const byRecording = new Map<string, RecordRef[]>();
  for (const ref of refs) {
    if (!isRecorderRecordType(ref.type)) throw new TypeError(`The recorder connector has no record type "${ref.type}"`);
    byRecording.set(ref.id, [...(byRecording.get(ref.id) ?? []), ref]);
  }
  const receipts = new Map<string, ErasureReceipt[]>();
  for (const [id, idRefs] of byRecording) {
    ctx.signal.throwIfAborted();
    receipts.set(id, await redactCall(ctx, id, idRefs, plan));
  }
  for (const ref of refs) {
    const receipt = receipts.get(ref.id)?.find((candidate) => candidate.ref.type === ref.type);
    if (receipt) yield receipt;
  }
}

type CallResult = { outcome: "redacted" | "retained" | "already-absent"; detail: string };

async function redactCall(ctx: RecorderContext, id: string, refs: RecordRef[], plan: RedactPlan): Promise<ErasureReceipt[]> {
  const result = await redactSubjectOnCall(ctx, id, plan);
  const recording = result.recording;
  const hold = recording?.legalHold ? { hold: { id: recording.legalHold.holdId, basis: recording.legalHold.basis } } : {};
  return refs.map((ref) => {
    if (ref.type === "consent" && result.outcome !== "already-absent") {
      return { ref, outcome: "retained", detail: "Consent-to-record events are kept with the call in redact mode", ...hold };
    }
    return { ref, outcome: result.outcome, detail: result.detail, ...(result.outcome === "already-absent" ? {} : hold) };
  });
}

async function redactSubjectOnCall(ctx: RecorderContext, id: string, plan: RedactPlan): Promise<CallResult & { recording?: RecordingRecord }> {
  const gone = { outcome: "already-absent", detail: "The recorder no longer holds this call" } as const;
  const recording = await readRecording(ctx, id);
  if (!recording) return gone;
  const held = recording.legalHold ? ` (under legal hold ${recording.legalHold.holdId}: kept, as redaction allows)` : "";
  const subject = subjectOnCall(recording, plan.identifiers, ctx.settings.defaultRegion);
  if (!subject.found) {
    return { recording, outcome: "retained", detail: `Nothing redacted: nothing on this call could be attributed to the subject (${subject.reason}); kept as it was${held}` };
  }
  const transcript = await readTranscript(ctx, id);
  if (!transcript) return gone;
  const redaction = subjectSpeechRedaction({
    recording,
    transcript,
    subject: subject.participants,
    scope: plan.scope,
    identifiers: plan.identifiers,
    region: ctx.settings.defaultRegion,
    personalData: ctx.personalData,
  });
  const withheld = redaction.audioWithheld ? `; audio not muted: ${redaction.audioWithheld}` : "";
  const keptAgent = "; the other parties' channels and words untouched";

  if (redaction.spans.length > 0) {
    const receipt = await redactRecording(ctx, { type: "recording", id }, redaction.spans);
    if (receipt.outcome === "already-absent") return gone;
    ctx.log.info("Redacted the subject's part of a call", { spans: redaction.spans.length });
    return { recording, outcome: "redacted", detail: `Redacted the subject's ${scopeWords(plan.scope)}: ${describe(redaction.spans)}${withheld}${keptAgent}${held}` };
  }

  const earlier = earlierRedaction(recording, transcript, subject.participants.map((p) => p.participantId), redaction.channels);
  if (earlier) return { recording, outcome: "redacted", detail: `Already redacted: ${earlier}${withheld}${keptAgent}${held}` };
  return { recording, outcome: "retained", detail: `Nothing redacted: the subject spoke no personal data recognised on this call; kept as it was${held}` };
}

function scopeWords(scope: RedactScope): string {
  return scope === "whole-party" ? "whole side of the call" : "personal data";
}

/** `muted channel 0 at 1200–2310 ms, 5100–6020 ms; redacted 3 transcript span(s)`: for the receipt and the console. */
function describe(spans: readonly RedactionSpan[]): string {
  const audio = new Map<number, string[]>();
  let text = 0;
  for (const span of spans) {
    if (span.kind === "text") text++;
    else audio.set(span.channel, [...(audio.get(span.channel) ?? []), `${span.startMs}–${span.endMs} ms`]);
  }
  const parts = [...audio].map(([channel, ranges]) => `muted channel ${channel} at ${ranges.join(", ")}`);
  if (text > 0) parts.push(`redacted ${text} transcript span(s) in their utterances`);
  return parts.join("; ");
}

/** What the recorder already shows redacted of the subject's part, or undefined if nothing is. */
function earlierRedaction(recording: RecordingRecord, transcript: TranscriptRecord, participantIds: string[], channels: number[]): string | undefined {
  const muted = recording.redactions.filter((r) => channels.includes(r.channel));
  const words = transcript.utterances
    .filter((u) => participantIds.includes(u.participantId))
    .reduce((sum, u) => sum + u.words.filter((w) => redactedWord.test(w.word)).length, 0);
  if (muted.length === 0 && words === 0) return undefined;
  const parts = muted.map((r) => `channel ${r.channel} muted at ${r.startMs}–${r.endMs} ms`);
  if (words > 0) parts.push(`${words} word(s) of their utterances redacted`);
  return parts.join(", ");
}
