import { countCall, createOracleRouter, enforceRateLimit, injectFaults } from "@lethe/sandbox-kit";
import express, { type Express, type RequestHandler, type Response } from "express";
import { authenticate, faultStyle, rateLimitPolicy } from "./http/kit-policies";
import { listPage } from "./http/list-page";
import { dateFilterOf, withinDateFilter, type DateFilter } from "./http/date-filter";
import { sendNotFound, sendTwilioError } from "./http/twilio-error";
import { callJson, callRecordingJson, mediaJson, messageJson, recordingJson, transcriptionJson } from "./http/twilio-json";
import { tinyPng, toneWav } from "./media/files";
import type { SandboxState } from "./sandbox-state";
import { sidPattern } from "./world/sids";

type Params = Record<string, string>;

/**
 * The part of Twilio's 2010-04-01 REST API the connector uses, under
 * `/2010-04-01/Accounts/:AccountSid`, and the oracle under `/__sandbox`. Each vendor route is
 * labelled `METHOD path` and passes call count, authentication, rate limit and fault injection
 * before its handler. A SID that does not match its pattern, or another account's SID, is 404.
 */
export function createSandboxApp(state: SandboxState): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  const rateLimit = enforceRateLimit(rateLimitPolicy(state));
  const faults = faultStyle(state);
  const account = "/2010-04-01/Accounts/:AccountSid";

  const vendor = (method: "GET" | "POST" | "DELETE", path: string, sids: Record<string, string>, handler: (params: Params, res: Response, query: Record<string, unknown>, form: Record<string, unknown>) => void) => {
    const label = `${method} ${account}${path}`;
    const validSids: RequestHandler<Params> = (req, res, next) => {
      const bad = req.params.AccountSid !== state.accountSid || Object.entries(sids).some(([name, prefixes]) => !sidPattern(prefixes).test(req.params[name] ?? ""));
      if (bad) sendNotFound(res, req.path);
      else next();
    };
    const run: RequestHandler<Params> = (req, res) => handler(req.params, res, req.query, (req.body ?? {}) as Record<string, unknown>);
    const chain = [countCall(state.stats, label), authenticate(state), rateLimit, injectFaults(faults, label), validSids, run];
    if (method === "GET") app.get(`${account}${path}`, ...chain);
    // Twilio's writes are form-encoded.
    else if (method === "POST") app.post(`${account}${path}`, express.urlencoded({ extended: false }), ...chain);
    else app.delete(`${account}${path}`, ...chain);
  };
  const sid = state.accountSid;
  const store = () => state.store;
  /** A date filter from the query, or undefined after answering Twilio's 400 for a value that is no date. */
  const dateFilter = (res: Response, query: Record<string, unknown>, name: string): DateFilter | undefined => {
    const filter = dateFilterOf(query, name);
    if (typeof filter !== "string") return filter;
    sendTwilioError(res, 400, 20001, `Invalid value for ${filter}: expected a date (YYYY-MM-DD) or an ISO 8601 date-time`);
    return undefined;
  };
  const equalOrUnset = (value: unknown, actual: string | null) => value === undefined || value === actual;

  vendor("GET", ".json", {}, (_p, res) => {
    res.json({ sid: state.accountSid, friendly_name: "Lethe sandbox", status: "active", type: "Full", owner_account_sid: state.accountSid, auth_token: "[hidden]", date_created: "Mon, 05 Jan 2026 09:00:00 +0000", date_updated: "Mon, 05 Jan 2026 09:00:00 +0000", uri: `/2010-04-01/Accounts/${state.accountSid}.json`, subresource_uris: {} });
  });

  // To and From match the whole address exactly (a SIP leg is listed by `sip:…@domain`, not by its number).
  vendor("GET", "/Calls.json", {}, (_p, res, query) => {
    const started = dateFilter(res, query, "StartTime");
    if (!started) return;
    const calls = [...store().calls.values()].filter(
      (call) =>
        equalOrUnset(query.To, call.to) &&
        equalOrUnset(query.From, call.from) &&
        equalOrUnset(query.Status, call.status) &&
        equalOrUnset(query.ParentCallSid, null) &&
        withinDateFilter(started, call.startTime),
    );
    res.json(listPage(res.req, "calls", calls, (call) => callJson(sid, call)));
  });
  vendor("GET", "/Calls/:Sid.json", { Sid: "CA" }, (p, res) => {
    const call = store().calls.get(p.Sid ?? "");
    if (call) res.json(callJson(sid, call));
    else sendNotFound(res, res.req.path);
  });
  vendor("DELETE", "/Calls/:Sid.json", { Sid: "CA" }, (p, res) => {
    const call = store().calls.get(p.Sid ?? "");
    if (!call) return sendNotFound(res, res.req.path);
    // Only a finished call's log can be deleted; Twilio refuses one still under way.
    if (call.status === "in-progress") return sendTwilioError(res, 400, 20009, "Cannot delete this resource before it is complete");
    store().calls.delete(call.sid);
    state.stats.purged("call", call.sid);
    res.status(204).end();
  });
  vendor("GET", "/Calls/:CallSid/Recordings.json", { CallSid: "CA" }, (p, res) => {
    const recordings = [...store().recordings.values()].filter((recording) => recording.callSid === p.CallSid && !recording.deletedAt);
    res.json(listPage(res.req, "recordings", recordings, (recording) => callRecordingJson(sid, recording)));
  });
  const callRecording = (p: Params) => {
    const recording = store().recordings.get(p.Sid ?? "");
    return recording && recording.callSid === p.CallSid && !recording.deletedAt ? recording : undefined;
  };
  vendor("GET", "/Calls/:CallSid/Recordings/:Sid.json", { CallSid: "CA", Sid: "RE" }, (p, res) => {
    const recording = callRecording(p);
    if (recording) res.json(callRecordingJson(sid, recording));
    else sendNotFound(res, res.req.path);
  });
  vendor("DELETE", "/Calls/:CallSid/Recordings/:Sid.json", { CallSid: "CA", Sid: "RE" }, (p, res) => {
    const recording = callRecording(p);
    if (!recording) return sendNotFound(res, res.req.path);
    recording.deletedAt = state.clock.now();
    state.stats.purged("recording", recording.sid);
    res.status(204).end();
  });

  // Account-wide: deleted recordings' lingering metadata only with IncludeSoftDeleted=true.
  vendor("GET", "/Recordings.json", {}, (_p, res, query) => {
    const created = dateFilter(res, query, "DateCreated");
    if (!created) return;
    const recordings = [...store().recordings.values()].filter(
      (recording) => (!recording.deletedAt || query.IncludeSoftDeleted === "true") && equalOrUnset(query.CallSid, recording.callSid) && withinDateFilter(created, recording.startTime),
    );
    res.json(listPage(res.req, "recordings", recordings, (recording) => recordingJson(sid, recording)));
  });

  vendor("GET", "/Recordings/:Sid.json", { Sid: "RE" }, (p, res, query) => {
    const recording = store().recordings.get(p.Sid ?? "");
    if (!recording || (recording.deletedAt && query.IncludeSoftDeleted !== "true")) return sendNotFound(res, res.req.path);
    res.json(recordingJson(sid, recording));
  });
  vendor("DELETE", "/Recordings/:Sid.json", { Sid: "RE" }, (p, res) => {
    const recording = store().recordings.get(p.Sid ?? "");
    if (!recording || recording.deletedAt) return sendNotFound(res, res.req.path);
    recording.deletedAt = state.clock.now();
    state.stats.purged("recording", recording.sid);
    res.status(204).end();
  });
  for (const extension of ["wav", "mp3"] as const) {
    vendor("GET", `/Recordings/:Sid.${extension}`, { Sid: "RE" }, (p, res) => {
      const recording = store().recordings.get(p.Sid ?? "");
      if (!recording || recording.deletedAt) return sendNotFound(res, res.req.path);
      // The sandbox has WAV audio only; .mp3 serves the same samples under the WAV type rather than pretend to encode.
      res.type("audio/x-wav").send(Buffer.from(toneWav(recording.durationSeconds)));
    });
  }
  vendor("GET", "/Recordings/:RecordingSid/Transcriptions.json", { RecordingSid: "RE" }, (p, res) => {
    const transcriptions = [...store().transcriptions.values()].filter((transcription) => transcription.recordingSid === p.RecordingSid);
    res.json(listPage(res.req, "transcriptions", transcriptions, (transcription) => transcriptionJson(sid, transcription)));
  });
  const recordingTranscription = (p: Params) => {
    const transcription = store().transcriptions.get(p.Sid ?? "");
    return transcription?.recordingSid === p.RecordingSid ? transcription : undefined;
  };
  vendor("GET", "/Recordings/:RecordingSid/Transcriptions/:Sid.json", { RecordingSid: "RE", Sid: "TR" }, (p, res) => {
    const transcription = recordingTranscription(p);
    if (transcription) res.json(transcriptionJson(sid, transcription));
    else sendNotFound(res, res.req.path);
  });
  vendor("DELETE", "/Recordings/:RecordingSid/Transcriptions/:Sid.json", { RecordingSid: "RE", Sid: "TR" }, (p, res) => {
    const transcription = recordingTranscription(p);
    if (!transcription) return sendNotFound(res, res.req.path);
    store().transcriptions.delete(transcription.sid);
    state.stats.purged("transcription", transcription.sid);
    res.status(204).end();
  });
  vendor("GET", "/Transcriptions.json", {}, (_p, res) => {
    res.json(listPage(res.req, "transcriptions", [...store().transcriptions.values()], (transcription) => transcriptionJson(sid, transcription)));
  });
  vendor("GET", "/Transcriptions/:Sid.json", { Sid: "TR" }, (p, res) => {
    const transcription = store().transcriptions.get(p.Sid ?? "");
    if (transcription) res.json(transcriptionJson(sid, transcription));
    else sendNotFound(res, res.req.path);
  });
  vendor("DELETE", "/Transcriptions/:Sid.json", { Sid: "TR" }, (p, res) => {
    const transcription = store().transcriptions.get(p.Sid ?? "");
    if (!transcription) return sendNotFound(res, res.req.path);
    store().transcriptions.delete(transcription.sid);
    state.stats.purged("transcription", transcription.sid);
    res.status(204).end();
  });

  vendor("GET", "/Messages.json", {}, (_p, res, query) => {
    const sent = dateFilter(res, query, "DateSent");
    if (!sent) return;
    const messages = [...store().messages.values()].filter((message) => equalOrUnset(query.To, message.to) && equalOrUnset(query.From, message.from) && withinDateFilter(sent, message.sent));
    res.json(listPage(res.req, "messages", messages, (message) => messageJson(sid, message)));
  });
  vendor("GET", "/Messages/:Sid.json", { Sid: "SM|MM" }, (p, res) => {
    const message = store().messages.get(p.Sid ?? "");
    if (message) res.json(messageJson(sid, message));
    else sendNotFound(res, res.req.path);
  });
  vendor("DELETE", "/Messages/:Sid.json", { Sid: "SM|MM" }, (p, res) => {
    const message = store().messages.get(p.Sid ?? "");
    if (!message) return sendNotFound(res, res.req.path);
    store().messages.delete(message.sid);
    state.stats.purged("message", message.sid);
    res.status(204).end();
  });
  // Twilio's redaction of a message's text: `Body=` (empty) is the only update the sandbox takes.
  vendor("POST", "/Messages/:Sid.json", { Sid: "SM|MM" }, (p, res, _query, form) => {
    const message = store().messages.get(p.Sid ?? "");
    if (!message) return sendNotFound(res, res.req.path);
    if (form.Body !== "") return sendTwilioError(res, 400, 20001, "Body may only be set to the empty string, to redact the message");
    message.body = "";
    res.json(messageJson(sid, message));
  });
  vendor("GET", "/Messages/:MessageSid/Media.json", { MessageSid: "SM|MM" }, (p, res) => {
    const media = [...store().media.values()].filter((item) => item.messageSid === p.MessageSid);
    res.json(listPage(res.req, "media_list", media, (item) => mediaJson(sid, item)));
  });
  const mediaOf = (p: Params) => {
    const media = store().media.get(p.Sid ?? "");
    return media?.messageSid === p.MessageSid ? media : undefined;
  };
  vendor("GET", "/Messages/:MessageSid/Media/:Sid.json", { MessageSid: "SM|MM", Sid: "ME" }, (p, res) => {
    const media = mediaOf(p);
    if (media) res.json(mediaJson(sid, media));
    else sendNotFound(res, res.req.path);
  });
  vendor("DELETE", "/Messages/:MessageSid/Media/:Sid.json", { MessageSid: "SM|MM", Sid: "ME" }, (p, res) => {
    const media = mediaOf(p);
    if (!media) return sendNotFound(res, res.req.path);
    store().media.delete(media.sid);
    state.stats.purged("media", `${media.messageSid}:${media.sid}`);
    res.status(204).end();
  });
  vendor("GET", "/Messages/:MessageSid/Media/:Sid", { MessageSid: "SM|MM", Sid: "ME" }, (p, res) => {
    const media = mediaOf(p);
    if (media) res.type(media.contentType).send(Buffer.from(tinyPng));
    else sendNotFound(res, res.req.path);
  });

  app.use("/__sandbox", express.json(), createOracleRouter(state));
  app.use((req, res) => sendNotFound(res, req.path));
  return app;
}
