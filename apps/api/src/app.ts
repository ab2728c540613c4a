import express from "express";
import type { Database } from "@lethe/db";
import { errorEnvelope, routeNotFound, type UnexpectedErrorReporter } from "./middleware/error-envelope";
import { securityHeaders } from "./middleware/security-headers";
import { getHealth } from "./routes/getHealth";

export interface ApiDependencies {
  db: Database;
  /** Where errors the API did not expect go (a 500 was sent). Default: one line on stderr. */
  reportUnexpectedError?: UnexpectedErrorReporter;
}

/** The HTTP API as an Express app, not yet listening (see `startApiServer`). */
export function createApiApp(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
  app.use(express.json({ limit: "1mb" }));

  const v1 = express.Router();
  v1.get("/health", getHealth(deps));
  app.use("/api/v1", v1);

  app.use(routeNotFound);
  app.use(errorEnvelope(deps.reportUnexpectedError ?? reportToStderr));
  return app;
}

const reportToStderr: UnexpectedErrorReporter = (error, request) => {
  // Name and message only: a stack or a driver error's parameters could carry personal data.
  const what = error instanceof Error ? `${error.name}: ${error.message}` : "non-Error value thrown";
  process.stderr.write(`[lethe api] unexpected error on ${request.method} ${request.path}: ${what}\n`);
};
