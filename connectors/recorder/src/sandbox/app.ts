import { countCall, createOracleRouter, enforceRateLimit, injectFaults } from "@lethe/sandbox-kit";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { authenticate } from "./http/authenticate";
import { faultStyle } from "./http/fault-style";
import { rateLimitPolicy } from "./http/rate-limit-policy";
import { sendVendorError } from "./http/vendor-error";
import { getOracleCardNumbers } from "./oracle-routes/oracle-card-numbers";
import { getOracleMedia, getOracleRecordings, postOracleJobFaults } from "./oracle-routes/oracle-recordings";
import { getOracleRetentionClocks } from "./oracle-routes/oracle-retention-clocks";
import type { SandboxState } from "./sandbox-state";
import { getJob, postJob } from "./vendor-routes/deletion-job-routes";
import { getMedia } from "./vendor-routes/get-media";
import { getOrganization } from "./vendor-routes/get-organization";
import { getRecordingPart } from "./vendor-routes/get-recording-parts";
import { maxUploadBytes, postRecording } from "./vendor-routes/post-recording";
import { postRedact } from "./vendor-routes/post-redact";
import { postSearch } from "./vendor-routes/post-search";
import { postToken } from "./vendor-routes/post-token";
import { putLegalHolds } from "./vendor-routes/put-legal-holds";
import { putRetention } from "./vendor-routes/put-retention";

type Method = "GET" | "POST" | "PUT";

/**
 * The recorder's API (API.md) and, under `/__sandbox`, the oracle (the kit's routes over
 * SandboxState, plus the recorder's ground truth on calls and its job fault). Each vendor route is labelled
 * `METHOD path` (the label stats and faults use) and passes, in order: call count, authentication
 * (the token endpoint authenticates the client itself), rate limit, fault injection, its handler.
 */
export function createSandboxApp(state: SandboxState): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((_req, _res, next) => {
    state.tick();
    next();
  });

  const faults = faultStyle(state);
  const rateLimit = enforceRateLimit(rateLimitPolicy(state));
  const vendor = (method: Method, path: string, handler: RequestHandler<{ id: string }>, options: { public?: boolean; body?: RequestHandler } = {}) => {
    const label = `${method} ${path.replace(/\\/g, "")}`;
    const body = options.body ?? (options.public ? express.urlencoded({ extended: false }) : express.json({ limit: "1mb" }));
    const chain: RequestHandler[] = [countCall(state.stats, label)];
    if (!options.public) chain.push(authenticate(state));
    chain.push(rateLimit, injectFaults(faults, label), body);
    app[method === "GET" ? "get" : method === "POST" ? "post" : "put"](path, ...chain, handler);
  };

  vendor("POST", "/oauth/token", postToken(state), { public: true });
  vendor("GET", "/v1/organization", getOrganization());
  vendor("POST", "/v1/recordings\\:search", postSearch(state));
  // An upload's raw bytes, bounded here, are parsed by the route (post-recording.ts).
  vendor("POST", "/v1/recordings", postRecording(state), { body: express.raw({ type: "multipart/form-data", limit: maxUploadBytes }) });
  vendor("GET", "/v1/recordings/:id", getRecordingPart(state, "metadata"));
  vendor("GET", "/v1/recordings/:id/transcript", getRecordingPart(state, "transcript"));
  vendor("GET", "/v1/recordings/:id/consent", getRecordingPart(state, "consent"));
  vendor("GET", "/v1/recordings/:id/siprec", getRecordingPart(state, "siprec"));
  vendor("GET", "/v1/recordings/:id/media", getMedia(state));
  vendor("PUT", "/v1/recordings/:id/retention", putRetention(state));
  vendor("POST", "/v1/recordings/:id\\:redact", postRedact(state));
  vendor("PUT", "/v1/legal-holds", putLegalHolds(state));
  vendor("POST", "/v1/jobs", postJob(state));
  vendor("GET", "/v1/jobs/:id", getJob(state));

  const oracle = createOracleRouter(state);
  oracle.get("/recordings", getOracleRecordings(state));
  oracle.get("/card-numbers", getOracleCardNumbers(state));
  oracle.get("/retention-clocks", getOracleRetentionClocks(state));
  oracle.get("/recordings/:id/media", getOracleMedia(state));
  oracle.post("/jobs", postOracleJobFaults(state));
  app.use("/__sandbox", oracle);

  app.use((_req, res) => sendVendorError(res, 404, "not.found", "No such route."));
  app.use(answerUnexpectedErrors);
  return app;
}

/* Body parsers fail with a status: a body over its limit is 413, anything else unreadable 400. */
const answerUnexpectedErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
  if (status === 413) sendVendorError(res, 413, "request.entity.too.large", "The request body is larger than this route accepts.");
  else if (status >= 400 && status < 500) sendVendorError(res, status, "bad.request", "The request body is not valid JSON.");
  else sendVendorError(res, 500, "internal.server.error", "The sandbox failed; see its log.");
};
