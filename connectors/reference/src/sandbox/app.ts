import { countCall, createOracleRouter, enforceRateLimit, injectFaults } from "@lethe/sandbox-kit";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { getCallTimes } from "./call-times/get-call-times";
import { recordCallTime } from "./call-times/record-call-time";
import { authenticate } from "./http/authenticate";
import { faultStyle } from "./http/fault-style";
import { rateLimitPolicy } from "./http/rate-limit-policy";
import { sendVendorError } from "./http/vendor-error";
import { getRestrictions } from "./get-restrictions";
import type { SandboxState } from "./sandbox-state";
import { deleteRecord } from "./vendor-routes/delete-record";
import { deleteTrashRecord } from "./vendor-routes/delete-trash-record";
import { getAttachment } from "./vendor-routes/get-attachment";
import { getCall } from "./vendor-routes/get-call";
import { getAttachmentContent } from "./vendor-routes/get-attachment-content";
import { getCount } from "./vendor-routes/get-count";
import { getMe } from "./vendor-routes/get-me";
import { getNote } from "./vendor-routes/get-note";
import { getPeople } from "./vendor-routes/get-people";
import { getPerson } from "./vendor-routes/get-person";
import { getPersonAttachments } from "./vendor-routes/get-person-attachments";
import { getPersonCalls } from "./vendor-routes/get-person-calls";
import { getNotes } from "./vendor-routes/get-notes";
import { getPersonNotes } from "./vendor-routes/get-person-notes";
import { getTrash } from "./vendor-routes/get-trash";
import { patchRecord } from "./vendor-routes/patch-record";
import { postPerson, postPersonRecord } from "./vendor-routes/post-records";

/**
 * Reference CRM's API (API.md) and, under `/__sandbox`, the oracle (the kit's routes over
 * SandboxState). Each vendor route is labelled `METHOD path` (the label stats and faults use) and
 * passes, in order: arrival time and call count, authentication, rate limit, fault injection, then its handler.
 * The kit's middleware is generic; what makes it Reference CRM's is in http/rate-limit-policy.ts
 * and http/fault-style.ts.
 */
export function createSandboxApp(state: SandboxState): Express {
  const app = express();
  app.disable("x-powered-by");
  // Express would answer repeated GETs with 304s from ETags; the vendor documents no caching.
  app.set("etag", false);

  app.use((_req, _res, next) => {
    state.store.expireTrash(state.clock.now());
    next();
  });

  const rateLimit = enforceRateLimit(rateLimitPolicy(state));
  const faults = faultStyle(state);
  // Bodies are read after the fault step, so an injected fault answers before any parsing.
  const json = express.json({ limit: "16kb", type: () => true });
  // Created attachments carry their bytes in base64 (up to 1 MB of file).
  const createJson = express.json({ limit: "2mb", type: () => true });
  const vendor = (method: "GET" | "DELETE" | "PATCH" | "POST", path: string, handler: RequestHandler<{ id: string }>) => {
    const label = `${method} ${path}`;
    const chain = [
      recordCallTime(state.callTimes, state.clock),
      countCall(state.stats, label),
      authenticate(state),
      rateLimit,
      injectFaults(faults, label),
    ];
    if (method === "GET") app.get(path, ...chain, handler);
    else if (method === "PATCH") app.patch(path, ...chain, json, handler);
    else if (method === "POST") app.post(path, ...chain, createJson, handler);
    else app.delete(path, ...chain, handler);
  };

  vendor("GET", "/api/me", getMe());
  vendor("GET", "/api/counts/:collection", getCount(state));
  vendor("GET", "/api/people", getPeople(state));
  vendor("GET", "/api/people/:id", getPerson(state));
  vendor("GET", "/api/people/:id/notes", getPersonNotes(state));
  vendor("GET", "/api/people/:id/attachments", getPersonAttachments(state));
  vendor("GET", "/api/notes", getNotes(state));
  vendor("GET", "/api/notes/:id", getNote(state));
  vendor("GET", "/api/attachments/:id", getAttachment(state));
  vendor("GET", "/api/attachments/:id/content", getAttachmentContent(state));
  vendor("GET", "/api/people/:id/calls", getPersonCalls(state));
  vendor("GET", "/api/calls/:id", getCall(state));
  vendor("POST", "/api/people", postPerson(state));
  vendor("POST", "/api/people/:id/notes", postPersonRecord(state, "notes"));
  vendor("POST", "/api/people/:id/attachments", postPersonRecord(state, "attachments"));
  vendor("POST", "/api/people/:id/calls", postPersonRecord(state, "calls"));
  vendor("PATCH", "/api/people/:id", patchRecord(state, "person"));
  vendor("PATCH", "/api/notes/:id", patchRecord(state, "note"));
  vendor("PATCH", "/api/attachments/:id", patchRecord(state, "attachment"));
  vendor("PATCH", "/api/calls/:id", patchRecord(state, "call"));
  vendor("DELETE", "/api/people/:id", deleteRecord(state, "person"));
  vendor("DELETE", "/api/notes/:id", deleteRecord(state, "note"));
  vendor("DELETE", "/api/attachments/:id", deleteRecord(state, "attachment"));
  vendor("DELETE", "/api/calls/:id", deleteRecord(state, "call"));
  vendor("GET", "/api/trash", getTrash(state));
  vendor("DELETE", "/api/trash/people/:id", deleteTrashRecord(state, "person"));
  vendor("DELETE", "/api/trash/notes/:id", deleteTrashRecord(state, "note"));
  vendor("DELETE", "/api/trash/attachments/:id", deleteTrashRecord(state, "attachment"));
  vendor("DELETE", "/api/trash/calls/:id", deleteTrashRecord(state, "call"));

  app.get("/__sandbox/call-times", getCallTimes(state.callTimes));
  app.get("/__sandbox/people/:id/restrictions", getRestrictions(state));
  app.use("/__sandbox", createOracleRouter(state));

  app.use((_req, res) => sendVendorError(res, 404, "not_found", "No such route."));
  app.use(answerUnexpectedErrors);
  return app;
}

const answerUnexpectedErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  // Express marks what the client got wrong (a path it cannot decode) with a 4xx status on the error.
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
  if (status >= 400 && status < 500) sendVendorError(res, status, "invalid_request", "The request is malformed.");
  else sendVendorError(res, 500, "server_error", "The sandbox failed; see its log.");
};
