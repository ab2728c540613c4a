import type { RequestHandler } from "express";
import { z } from "zod";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { ParticipantRow, RecordingRow } from "../world/world";
import { recordingJson } from "./recording-json";

export const defaultSearchPageSize = 10;
export const maxSearchPageSize = 25;

const searchBody = z
  .object({
    participant: z
      .union([
        z.object({ phone: z.string().regex(/^\+\d{6,15}$/, "E.164") }).strict(),
        z.object({ aor: z.string().min(1) }).strict(),
        z.object({ email: z.string().min(1) }).strict(),
        z.object({ externalId: z.string().min(1) }).strict(),
        z.object({ name: z.string().min(1) }).strict(),
      ])
      .optional(),
    interval: z.string().optional(),
    endedBefore: z.string().optional(),
    includeDeleted: z.boolean().default(false),
    pageSize: z.int().min(1).max(maxSearchPageSize).default(defaultSearchPageSize),
    cursor: z.string().optional(),
  })
  .refine((body) => body.participant !== undefined || body.interval !== undefined || body.endedBefore !== undefined, {
    message: "needs a participant, an interval or an endedBefore filter",
    path: ["participant"],
  });

/**
 * `POST /v1/recordings:search` (API.md, "Search recordings"): recordings with a participant
 * matching the filter, starting inside the interval and/or ended before `endedBefore` (all that are
 * given), ordered by id, keyset-paginated with an opaque cursor. Recordings whose
 * media is deleted appear only with `includeDeleted: true`.
 *
 * Like many telephony indexes, the phone filter compares the last ten digits of whatever the
 * participant's address dials, so numbers of other countries with the same national digits match
 * too; clients must compare the numbers themselves.
 */
export function postSearch(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = searchBody.safeParse(req.body);
    if (!parsed.success) {
      sendVendorError(res, 400, "bad.request", `Invalid search: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      return;
    }
    const { participant, interval, endedBefore, includeDeleted, pageSize, cursor } = parsed.data;
    const window = interval === undefined ? undefined : parseInterval(interval);
    if (window === null) {
      sendVendorError(res, 400, "bad.request", "interval must be two ISO 8601 instants start/end with start < end.");
      return;
    }
    const endLimit = endedBefore === undefined ? undefined : parseInstant(endedBefore);
    if (endLimit === null) {
      sendVendorError(res, 400, "bad.request", "endedBefore must be an ISO 8601 instant with Z or an offset.");
      return;
    }
    const after = cursor === undefined ? "" : decodeCursor(cursor);
    if (after === undefined) {
      sendVendorError(res, 400, "bad.request", "cursor is not a cursor this API returned.");
      return;
    }
    const matches = (r: RecordingRow) =>
      (participant === undefined || r.participants.some((p) => participantMatches(p, participant))) &&
      (window === undefined || startsWithin(r, window)) &&
      (endLimit === undefined || Date.parse(r.endTime) < endLimit);
    const hits = [...state.store.recordings.values()]
      .filter((r: RecordingRow) => (includeDeleted || r.fileState !== "DELETED") && matches(r))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .filter((r) => r.id > after);
    const page = hits.slice(0, pageSize);
    const last = page.at(-1);
    res.status(200).json({
      entities: page.map((r) => recordingJson(state.store, r)),
      pageSize,
      nextCursor: hits.length > pageSize && last ? Buffer.from(last.id, "utf8").toString("base64url") : null,
    });
  };
}

type ParticipantFilter = NonNullable<z.output<typeof searchBody>["participant"]>;

function participantMatches(p: ParticipantRow, filter: ParticipantFilter): boolean {
  if ("phone" in filter) {
    const digits = dialledDigits(p.aor);
    return digits !== undefined && digits.length >= 7 && digits.slice(-10) === filter.phone.replace(/\D/g, "").slice(-10);
  }
  if ("aor" in filter) return comparableAor(p.aor) === comparableAor(filter.aor);
  if ("email" in filter) return p.email !== null && p.email.toLowerCase() === filter.email.trim().toLowerCase();
  if ("externalId" in filter) return p.externalContactId === filter.externalId;
  return p.name !== null && p.name.trim().toLowerCase() === filter.name.trim().toLowerCase();
}

/** The digits a tel: URI or a numeric sip: user part dials; undefined for a named SIP user. */
function dialledDigits(aor: string): string | undefined {
  const user = /^(?:tel|sips?):([^@;?]+)/i.exec(aor)?.[1];
  if (!user) return undefined;
  const decoded = decodeURIComponent(user);
  return /^\+?[\d\-.() ]+$/.test(decoded) ? decoded.replace(/\D/g, "") : undefined;
}

function comparableAor(aor: string): string {
  return aor.trim().toLowerCase().replace(/^sips:/, "sip:").replace(/[;?].*$/, "");
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a zone, in ms; null when malformed. */
function parseInstant(value: string): number | null {
  const ms = isoInstant.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}

/** `start/end` (ISO 8601 instants, as Genesys' analytics intervals): [start, end) in ms; null when malformed. */
function parseInterval(interval: string): { start: number; end: number } | null {
  const parts = interval.split("/");
  if (parts.length !== 2) return null;
  const [start, end] = parts.map((part) => (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(part) ? Date.parse(part) : Number.NaN));
  if (start === undefined || end === undefined || !Number.isFinite(start) || !Number.isFinite(end) || start >= end) return null;
  return { start, end };
}

/* A call belongs to the interval its start falls in, so consecutive intervals never list a call twice. */
function startsWithin(recording: RecordingRow, window: { start: number; end: number }): boolean {
  const start = Date.parse(recording.startTime);
  return start >= window.start && start < window.end;
}

function decodeCursor(cursor: string): string | undefined {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  return /^rec_[a-z0-9]+$/.test(decoded) ? decoded : undefined;
}
