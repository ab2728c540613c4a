import type { OracleRecord } from "@lethe/connector-sdk";
import type { SandboxStats } from "@lethe/sandbox-kit";
import { synthesiseCall } from "../audio/speech-audio";
import { bytesPerSample, headerBytes, redactRange } from "../audio/wav";
import { DeletionJobs, type DeletionJobTiming } from "./deletion-jobs";
import type { RecordingRow, SeededWorld } from "./world";

/** Seeded audio, synthesised once per (seed, recording) and shared by resets and sandboxes: it never changes. */
const seededAudio = new Map<string, Buffer>();

/**
 * The recorder's state: recordings (metadata, transcript, consent events), their media, and the
 * deletion jobs working on them. Purged recordings are gone from every map.
 */
export class RecorderStore {
  readonly recordings = new Map<string, RecordingRow>();
  /**
   * Calls whose recording a faulty job purged while their transcript and consent events stayed
   * (the oracle's `leavePartsNext` fault): still served by id, no longer found by search.
   */
  readonly leftParts = new Map<string, RecordingRow>();
  readonly jobs: DeletionJobs;
  /** Media changed by redaction; others are the uploaded file or the synthesis. */
  private readonly editedAudio = new Map<string, Buffer>();
  /** Media of calls uploaded through `POST /v1/recordings`, as stored (read-wav.ts). */
  private readonly uploadedAudio = new Map<string, Buffer>();
  /** A fixture world's synthesised audio: its ids may repeat another fixture's, so it is not shared. */
  private readonly fixtureAudio = new Map<string, Buffer>();

  constructor(
    private readonly world: SeededWorld,
    stats: SandboxStats,
    jobTiming?: DeletionJobTiming,
  ) {
    for (const recording of world.recordings) this.recordings.set(recording.id, structuredClone(recording));
    this.jobs = new DeletionJobs(this, stats, jobTiming);
  }

  /** The WAV file as it is now; undefined when the media is deleted. */
  media(recording: RecordingRow): Buffer | undefined {
    if (recording.fileState === "DELETED") return undefined;
    return this.editedAudio.get(recording.id) ?? this.uploadedAudio.get(recording.id) ?? this.seeded(recording);
  }

  /** A call uploaded whole (`POST /v1/recordings`): its metadata, transcript and stored WAV at once. */
  addUploaded(recording: RecordingRow, media: Buffer): void {
    this.recordings.set(recording.id, recording);
    this.uploadedAudio.set(recording.id, media);
  }

  /** Whether an id is taken, by a stored call or by parts a faulty job left behind. */
  has(id: string): boolean {
    return this.recordings.has(id) || this.leftParts.has(id);
  }

  /* From the duration, as the synthesis lays it out: listing metadata must not synthesise audio. */
  mediaLength(recording: RecordingRow): number | null {
    if (recording.fileState === "DELETED") return null;
    const uploaded = this.uploadedAudio.get(recording.id);
    if (uploaded) return uploaded.length;
    const { channels, sampleRate } = recording.audio;
    return headerBytes + Math.ceil((recording.durationMs * sampleRate) / 1000) * channels * bytesPerSample;
  }

  redactAudio(recording: RecordingRow, segments: { channel: number; startMs: number; endMs: number }[], mode: "silence" | "tone"): void {
    const current = this.media(recording);
    if (!current || segments.length === 0) return;
    const edited = Buffer.from(current);
    for (const segment of segments) redactRange(edited, segment.channel, segment.startMs, segment.endMs, mode);
    this.editedAudio.set(recording.id, edited);
  }

  deleteMedia(recording: RecordingRow): void {
    recording.fileState = "DELETED";
    this.editedAudio.delete(recording.id);
    this.uploadedAudio.delete(recording.id);
  }

  purge(id: string, options: { leaveParts?: boolean } = {}): void {
    const recording = this.recordings.get(id);
    if (options.leaveParts && recording) this.leftParts.set(id, recording);
    else this.leftParts.delete(id);
    this.recordings.delete(id);
    this.editedAudio.delete(id);
    this.uploadedAudio.delete(id);
  }

  private seeded(recording: RecordingRow): Buffer {
    const cache = this.world.kind === "seeded" ? seededAudio : this.fixtureAudio;
    const key = `${this.world.seed}/${recording.id}`;
    let audio = cache.get(key);
    if (!audio) {
      const original = this.world.recordings.find((row) => row.id === recording.id) ?? recording;
      audio = synthesiseCall(recording.id, original.utterances, original.durationMs, (channel) => [190, 118, 150, 230][channel % 4] ?? 190, original.audio);
      cache.set(key, audio);
    }
    return audio;
  }

  /**
   * Every record still holding the person's data: per call they took part in, the recording (its
   * store `soft-deleted` once the media is deleted but the metadata is not yet purged), the
   * transcript and the consent events, with what of each remains.
   */
  recordsHolding(personId: string): OracleRecord[] {
    const records: OracleRecord[] = [];
    const ordered = [...this.recordings.values(), ...this.leftParts.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const recording of ordered) {
      const participant = recording.participants.find((p) => p.personId === personId);
      if (!participant) continue;
      if (!this.recordings.has(recording.id)) {
        records.push(...this.partsHolding(recording, participant));
        continue;
      }
      const { aor, name, externalContactId, email, channel } = participant;
      const voice =
        recording.fileState !== "DELETED" && channel !== null
          ? {
              channel,
              durationMs: recording.durationMs,
              redactedRanges: recording.redactions.filter((r) => r.channel === channel).map((r) => [r.startMs, r.endMs]),
            }
          : null;
      records.push({
        ref: { type: "recording", id: recording.id },
        store: recording.fileState === "DELETED" ? "soft-deleted" : recording.fileState === "ARCHIVED" ? "archived" : "active",
        personalData: { aor, name, externalContactId, email, voice, legalHold: recording.legalHold?.holdId ?? null },
        anonymised: false,
      });
      records.push(...this.partsHolding(recording, participant));
    }
    return records;
  }

  /** A call's transcript and consent events, as far as they hold the participant's data. */
  private partsHolding(recording: RecordingRow, participant: RecordingRow["participants"][number]): OracleRecord[] {
    const { participantId } = participant;
    return [
      {
        ref: { type: "transcript", id: recording.id },
        store: "active",
        personalData: {
          spoken: recording.utterances.filter((u) => u.participantId === participantId).map((u) => u.text),
          // An agent reading back the caller's card number speaks the caller's data.
          readBack: recording.cardMentions
            .filter((mention) => mention.speaker === "agent")
            .map((mention) => recording.utterances[mention.utteranceIndex]?.text ?? ""),
        },
        anonymised: false,
      },
      {
        ref: { type: "consent", id: recording.id },
        store: "active",
        personalData: {
          events: recording.consentEvents.filter((e) => e.participantId === participantId).map((e) => `${e.type} ${e.method} ${e.at}`),
        },
        anonymised: false,
      },
    ];
  }
}
