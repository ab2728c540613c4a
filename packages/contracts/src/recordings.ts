import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/*
 * Call recordings beyond the request phases: the PCI sweep of a recorder instance, and what became
 * of each of a request's recordings (for the console's per-recording view and player).
 */

const instant = z.iso.datetime({ offset: true });

/** `start/end`: two ISO 8601 instants with a zone, start before end. */
export const sweepIntervalSchema = z
  .string()
  .max(100)
  .refine((interval) => {
    const [start, end, extra] = interval.split("/");
    return extra === undefined && instant.safeParse(start).success && instant.safeParse(end).success && Date.parse(start ?? "") < Date.parse(end ?? "");
  }, "two ISO 8601 instants with a zone, start/end, start before end");

/** `POST /api/v1/connector-instances/:id/pci-sweeps` body: the calls whose start falls inside `interval` (default: every call until now). */
export const startPciSweepBodySchema = z.object({ interval: sweepIntervalSchema.optional() }).strict();
export type StartPciSweepBody = z.infer<typeof startPciSweepBodySchema>;

/** A PCI sweep's progress and result. */
export const pciSweepSchema = z
  .object({
    id: idSchema,
    instanceId: idSchema,
    interval: z.string(),
    status: z.enum(["queued", "running", "completed", "failed"]),
    pages: z.int().nonnegative(),
    recordingsScanned: z.int().nonnegative(),
    recordingsRedacted: z.int().nonnegative(),
    cardsRemoved: z.int().nonnegative(),
    heldRecordingsRedacted: z.int().nonnegative(),
    startedAt: timestampSchema,
    updatedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    error: z.string().nullable(),
  })
  .strict();
export type PciSweep = z.infer<typeof pciSweepSchema>;

/** A muted stretch of one channel of a recording. */
export const mutedRangeSchema = z.object({ channel: z.int().nonnegative(), startMs: z.int().nonnegative(), endMs: z.int().nonnegative() }).strict();
export type MutedRange = z.infer<typeof mutedRangeSchema>;

/** What became of one located recording of a request. */
export const recordingOutcomeSchema = z
  .object({
    instanceId: idSchema,
    instanceName: z.string(),
    recordingId: z.string(),
    /** `located`: nothing done to it yet; `pending`: its deletion waits on the vendor. */
    outcome: z.enum(["located", "pending", "deleted", "retained", "redacted", "failed"]),
    /** For `retained`: the hold that kept it, as the receipt names it. */
    hold: z.object({ id: z.string().nullable(), basis: z.string().nullable() }).strict().nullable(),
    /** For `redacted`: where its audio was muted, per channel. */
    mutedRanges: z.array(mutedRangeSchema),
    detail: z.string().nullable(),
    /** Whether the (redacted) audio can still be played: not once deleted, and only when the plan includes the recording for the subject. */
    audioAvailable: z.boolean(),
    at: timestampSchema.nullable(),
  })
  .strict();
export type RecordingOutcome = z.infer<typeof recordingOutcomeSchema>;

/** `GET /api/v1/requests/:id/recordings` */
export const recordingOutcomeListSchema = z.object({ recordings: z.array(recordingOutcomeSchema) }).strict();
export type RecordingOutcomeList = z.infer<typeof recordingOutcomeListSchema>;

/** `GET /api/v1/requests/:id/recording-audio?instanceId=…&recordingId=…` */
export const recordingAudioQuerySchema = z
  .object({ instanceId: idSchema, recordingId: z.string().min(1).max(200).regex(/^[\w.:-]+$/, "a recording id") })
  .strict();
export type RecordingAudioQuery = z.infer<typeof recordingAudioQuerySchema>;
