/**
 * Child-process entry for `api-latency`: opens a fresh bench database, starts Lethe's API
 * (`createApiApp`, every middleware as deployed: request ids, security headers, auth, body parsing,
 * validation, the request log at its default level) and, in the same process, a bare Express app
 * with one route, `GET /ping` → `{ok:true}`. Prints one JSON line with both URLs, an API token
 * (compliance) and the id of one filed request, and serves until its stdin closes or it gets SIGTERM.
 * No worker runs: `POST /requests` only files.
 */
import { createApiApp, createApiTokenFor, startApiServer } from "@lethe/api";
import { fileRequest } from "@lethe/runtime";
import express from "express";
import { benchEnvironment } from "../../bench-environment";
import { openBenchDatabase } from "../erasure-throughput/bench-database";

const { database, dispose } = await openBenchDatabase(benchEnvironment.DATABASE_URL);
// The default request log writes info and above; successful calls log at debug, so a 2xx run writes nothing.
const api = await startApiServer({ app: createApiApp({ db: database }), port: 0 });

const trivial = express();
trivial.get("/ping", (_request, response) => {
  response.json({ ok: true });
});
const ping = await startApiServer({ app: trivial, port: 0 });

const { token } = await createApiTokenFor(database, { name: "bench", role: "compliance", expiresAt: null, actor: "bench" });
const filed = await fileRequest(database, {
  type: "access",
  regime: "gdpr",
  identifiers: [{ kind: "email", value: "bench.subject@example.com" }],
  timeZone: "UTC",
  defaultRegion: "GB",
  actor: "bench",
});
process.stdout.write(`${JSON.stringify({ apiUrl: api.url, pingUrl: ping.url, token, requestId: filed.id })}\n`);

const inFlightGraceMs = 3_000;
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await ping.close();
  await api.close();
  // autocannon drops its sockets when the time is up; handlers of those last requests may still be
  // querying, and closing the database under them would print errors that are not the API's.
  await new Promise((resolve) => setTimeout(resolve, inFlightGraceMs));
  await dispose();
  process.exit(0);
}
process.stdin.on("end", () => void stop());
process.stdin.resume();
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
