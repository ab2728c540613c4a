import { sendInvalidOracleRequest, sendOracleNotFound } from "@lethe/sandbox-kit";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { SandboxState } from "../sandbox-state";

/**
 * `GET /__sandbox/recordings` → `{ recordings }`: every recording still stored, with the ground
 * truth a vendor never shows: which seeded person is on each side, where card numbers were spoken
 * (by the caller or read back by the agent, with their utterance, words, channel and times), and
 * the redactions applied. For PCI sweep tests and the console's demo.
 */
export function getOracleRecordings(state: SandboxState): RequestHandler {
  return (_req, res) => {
    const recordings = [...state.store.recordings.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((recording) => ({
        id: recording.id,
        fileState: recording.fileState,
        durationMs: recording.durationMs,
        legalHold: recording.legalHold,
        deletion: recording.deletion,
        participants: recording.participants.map(({ participantId, role, channel, personId }) => ({ participantId, role, channel, personId: personId ?? null })),
        cardMentions: recording.cardMentions,
        redactions: recording.redactions,
      }));
    res.status(200).json({ recordings });
  };
}

/** `GET /__sandbox/recordings/:id/media`: the stored WAV bytes as they are now, without auth or faults. */
export function getOracleMedia(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const recording = state.store.recordings.get(req.params.id);
    const media = recording && state.store.media(recording);
    if (!media) {
      sendOracleNotFound(res, "No stored media for this id.");
      return;
    }
    res.status(200).type("audio/wav").send(media);
  };
}

const jobFaultSchema = z
  .object({ failNext: z.int().min(0).max(100).optional(), leavePartsNext: z.int().min(0).max(100).optional() })
  .refine((body) => body.failNext !== undefined || body.leavePartsNext !== undefined, "give failNext or leavePartsNext");

/**
 * `POST /__sandbox/jobs` `{ failNext?, leavePartsNext? }` → 200. `failNext`: the next deletion
 * jobs end FAILED, deleting nothing. `leavePartsNext`: the next jobs end FULFILLED, reporting every
 * recording processed, but purge only the recordings and leave their transcripts and consent
 * events behind — success reported, records kept.
 */
export function postOracleJobFaults(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = jobFaultSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    const { failNext, leavePartsNext } = parsed.data;
    if (failNext !== undefined) state.store.jobs.failNextJobs(failNext);
    if (leavePartsNext !== undefined) state.store.jobs.leavePartsOfNextJobs(leavePartsNext);
    res.status(200).json(parsed.data);
  };
}
