import type { HealthResponse } from "@lethe/contracts";
import type { RequestHandler } from "express";
import type { Database } from "@lethe/runtime";
import { ApiError } from "../api-error";

// A health probe must answer quickly even when the database hangs (a dead network path can
// leave a query waiting far longer than any load balancer's probe timeout).
const databaseProbeTimeoutMs = 2_000;

/** `GET /api/v1/health`: 200 when the API can run a query, 503 `database_unavailable` otherwise. Public: probes carry no credentials. */
export function getHealth(deps: { db: Database }): RequestHandler {
  return async (_request, response) => {
    await probeDatabase(deps.db);
    const body: HealthResponse = { status: "ok", database: "ok" };
    response.json(body);
  };
}

async function probeDatabase(database: Database): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${databaseProbeTimeoutMs} ms`)),
      databaseProbeTimeoutMs,
    );
  });
  try {
    await Promise.race([database.sql`select 1`, timedOut]);
  } catch (error) {
    // The driver's message can name the host and port; the client only learns that it failed.
    throw new ApiError(503, "database_unavailable", "the database did not answer", undefined, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
