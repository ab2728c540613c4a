import type { RequestHandler, Response } from "express";
import { z } from "zod";
import { readUploadedWav, WavError } from "../audio/read-wav";
import { sendVendorError } from "../http/vendor-error";
import { readSiprecMetadata } from "../ingest/read-siprec-metadata";
import { readUploadedTranscript } from "../ingest/read-uploaded-transcript";
import { UploadRefusedError } from "../ingest/upload-refused";
import { newRecordingId, uploadedCall, type UploadOptions } from "../ingest/uploaded-call";
import type { SandboxState } from "../sandbox-state";
import { recordingJson } from "./recording-json";

/** Limits of one upload (API.md, "Upload a recording"): the whole body, then each part. */
export const maxUploadBytes = 48 * 1024 * 1024;
export const maxPartBytes = { audio: 40 * 1024 * 1024, metadata: 256 * 1024, transcript: 8 * 1024 * 1024, legalHold: 4 * 1024, conversationId: 256 } as const;
type PartName = keyof typeof maxPartBytes;
const partNames = Object.keys(maxPartBytes) as PartName[];

const legalHoldPart = z.strictObject({ holdId: z.string().min(1).max(200), basis: z.string().min(1).max(2000) });

/**
 * `POST /v1/recordings` (multipart/form-data) → 201 with the recording as `GET
 * /v1/recordings/{id}` shows it and a `Location`. Parts: `audio` (a file: RIFF/WAVE, 16-bit PCM,
 * one channel per party), `metadata` (SIPREC recording metadata, RFC 7865), optional `transcript`
 * (JSON, the transcript route's shape), optional `legalHold` (JSON `{holdId, basis}`: the call is
 * placed under hold as it is stored) and `conversationId`. Everything is checked before anything
 * is stored, so a refused upload leaves no trace: 400 `bad.request` naming each problem, 413 for
 * a body or part over its limit, 415 for a body that is not multipart/form-data.
 *
 * The body is parsed by the platform's own multipart reader (WHATWG `Response.formData()`, in
 * Node's fetch), from the raw bytes express has already bounded by `maxUploadBytes`.
 */
export function postRecording(state: SandboxState): RequestHandler {
  return async (req, res) => {
    const contentType = req.get("content-type") ?? "";
    if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType) || !Buffer.isBuffer(req.body)) {
      sendVendorError(res, 415, "unsupported.media.type", "Send the recording as multipart/form-data with audio and metadata parts.");
      return;
    }
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(req.body), { headers: { "content-type": contentType } }).formData();
    } catch {
      sendVendorError(res, 400, "bad.request", "The body is not valid multipart/form-data.");
      return;
    }
    const parts = await readParts(form, res);
    if (!parts) return;
    const { audio, metadata, transcript, legalHold, conversationId } = parts;
    const problems: string[] = [];
    if (!(audio instanceof Uint8Array)) problems.push("audio: a file part is required.");
    if (metadata === undefined) problems.push("metadata: a SIPREC metadata part is required.");
    if (problems.length > 0 || !(audio instanceof Uint8Array) || metadata === undefined) return void refuse(res, problems);

    try {
      if (conversationId !== undefined && text(conversationId).trim() === "") throw new UploadRefusedError(["conversationId: empty; leave the part out for a new one."]);
      const wav = readUploadedWav(audio);
      const siprec = readSiprecMetadata(text(metadata));
      const options: UploadOptions = {
        ...(conversationId !== undefined ? { conversationId: text(conversationId).trim() } : {}),
        ...(legalHold !== undefined ? { legalHold: readLegalHold(text(legalHold)) } : {}),
      };
      const id = newRecordingId((candidate) => state.store.has(candidate));
      const recording = uploadedCall(id, siprec, wav, state.clock.now(), options);
      if (transcript !== undefined) recording.utterances = readUploadedTranscript(text(transcript), id, recording.participants, wav.durationMs);
      state.addUploadedCall(recording, wav.stored);
      res.status(201).location(`/v1/recordings/${recording.id}`).json(recordingJson(state.store, recording));
    } catch (error) {
      if (error instanceof WavError) refuse(res, [error.message]);
      else if (error instanceof UploadRefusedError) refuse(res, error.problems);
      else throw error;
    }
  };
}

/* Each known part once, within its limit, as bytes (files) or text (fields); undefined when a 4xx was sent. */
async function readParts(form: FormData, res: Response): Promise<Partial<Record<PartName, Uint8Array | string>> | undefined> {
  const parts: Partial<Record<PartName, Uint8Array | string>> = {};
  const problems: string[] = [];
  for (const [name, value] of form.entries()) {
    if (!partNames.includes(name as PartName)) {
      problems.push(`${name}: not a part of an upload (send ${partNames.join(", ")}).`);
      continue;
    }
    const part = name as PartName;
    if (parts[part] !== undefined) {
      problems.push(`${part}: sent more than once.`);
      continue;
    }
    const size = typeof value === "string" ? Buffer.byteLength(value) : value.size;
    if (size > maxPartBytes[part]) {
      sendVendorError(res, 413, "request.entity.too.large", `${part}: ${size} bytes, more than the ${maxPartBytes[part]} this part may hold.`);
      return undefined;
    }
    parts[part] = typeof value === "string" ? value : new Uint8Array(await value.arrayBuffer());
  }
  if (problems.length > 0) {
    refuse(res, problems);
    return undefined;
  }
  return parts;
}

function readLegalHold(json: string): { holdId: string; basis: string } {
  let body: unknown;
  try {
    body = JSON.parse(json) as unknown;
  } catch {
    throw new UploadRefusedError(["legalHold is not JSON."]);
  }
  const parsed = legalHoldPart.safeParse(body);
  if (!parsed.success) throw new UploadRefusedError(parsed.error.issues.map((issue) => `legalHold.${issue.path.join(".")}: ${issue.message}`));
  return parsed.data;
}

/* A text part may come as a field or as a file; either way it must be UTF-8. */
function text(value: Uint8Array | string): string {
  if (typeof value === "string") return value;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(value);
  } catch {
    throw new UploadRefusedError(["a text part is not UTF-8."]);
  }
}

function refuse(res: Response, problems: string[]): void {
  sendVendorError(res, 400, "bad.request", `The recording was not stored: ${problems.join(" ")}`);
}
