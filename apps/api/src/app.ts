import { randomBytes } from "node:crypto";
import { apiRoutes, type ApiRoute } from "@lethe/contracts";
import { createConnectorRegistry, logVerificationCodeSender, summariseError } from "@lethe/runtime";
import express from "express";
import { authenticate } from "./auth/authenticate";
import { authorize } from "./auth/authorize";
import { defaultPasswordHashCost } from "./auth/password-hashing";
import { serveConsole } from "./console/serve-console";
import { downloadLinkTtlMs } from "./exports/download-links";
import type { ApiContext, ApiDependencies, ApiLog } from "./dependencies";
import { refuseUnstorableText } from "./http/refuse-unstorable-text";
import { requestIds } from "./http/request-id";
import { requireJson } from "./http/require-json";
import { errorEnvelope, routeNotFound, type UnexpectedErrorReporter } from "./middleware/error-envelope";
import { securityHeaders } from "./middleware/security-headers";
import { routeHandlers } from "./routes";

export type { ApiDependencies } from "./dependencies";

/** Bodies are small JSON documents; anything bigger is refused (413) before it is parsed. */
export const bodyLimitBytes = 100 * 1024;

/** The HTTP API as an Express app, not yet listening (see `startApiServer`). */
export function createApiApp(deps: ApiDependencies): express.Express {
  const context = createContext(deps);
  const app = express();
  app.disable("x-powered-by");
  // Behind a proxy the client address (login throttling) comes from X-Forwarded-For only when configured.
  app.set("trust proxy", false);
  app.use(requestIds(context.log));
  app.use(securityHeaders);

  const v1 = express.Router();
  v1.use(requireJson);
  v1.use(express.json({ limit: bodyLimitBytes, type: "application/json" }));
  v1.use(authenticate(context));
  for (const [operationId, route] of Object.entries(apiRoutes) as Array<[keyof typeof apiRoutes, ApiRoute]>) {
    v1[route.method](route.path, authorize(route.access), refuseUnstorableText, routeHandlers[operationId](context));
  }
  app.use("/api/v1", v1);
  app.use("/api", routeNotFound);
  if (deps.consoleDirectory) app.use(serveConsole(deps.consoleDirectory));

  app.use(routeNotFound);
  app.use(errorEnvelope(deps.reportUnexpectedError ?? reportToLog(context.log)));
  return app;
}

function createContext(deps: ApiDependencies): ApiContext {
  return {
    db: deps.db,
    registry: deps.registry ?? createConnectorRegistry([]),
    secretBox: deps.secretBox,
    exportDirectory: deps.exportDirectory,
    linkSigningKey: deps.linkSigningKey ?? randomBytes(32),
    downloadLinkTtlMs: deps.downloadLinkTtlMs ?? downloadLinkTtlMs,
    timeZone: deps.timeZone ?? "UTC",
    defaultRegion: deps.defaultRegion ?? "GB",
    secureCookies: deps.secureCookies ?? false,
    sessionTtlMs: deps.sessionTtlMs ?? 12 * 60 * 60_000,
    passwordHashCost: deps.passwordHashCost ?? defaultPasswordHashCost,
    log: deps.log ?? logToStderr,
    verifyRequestTypes: deps.verifyRequestTypes,
    verificationCodeSender: deps.verificationCodeSender ?? logVerificationCodeSender(deps.log ?? logToStderr),
    auditCheckpoints: deps.auditCheckpoints,
  };
}

const logToStderr: ApiLog = (level, message, fields) => {
  if (level === "debug") return;
  process.stderr.write(`${JSON.stringify({ level, message, ...fields })}\n`);
};

/**
 * An unexpected error at error level with only what is safe to keep (`summariseError`: no query
 * parameters, no values quoted by PostgreSQL, no stack); the full message at debug.
 */
function reportToLog(log: ApiLog): UnexpectedErrorReporter {
  return (error, request) => {
    log("error", "unexpected error", { method: request.method, route: request.route, error: summariseError(error) });
    log("debug", "unexpected error in full", { method: request.method, route: request.route, error: String(error) });
  };
}
