import express, { type ErrorRequestHandler, type Router } from "express";
import { deleteOracleFaults } from "./delete-oracle-faults";
import { getOracleFaults } from "./get-oracle-faults";
import { getOraclePeople } from "./get-oracle-people";
import { getOraclePersonRecords } from "./get-oracle-person-records";
import { getOracleRecordCounts } from "./get-oracle-record-counts";
import { getOracleStats } from "./get-oracle-stats";
import { postOracleClock } from "./post-oracle-clock";
import { postOracleFaults } from "./post-oracle-faults";
import { postOracleRandomFaults } from "./post-oracle-random-faults";
import { postOraclePeople } from "./post-oracle-people";
import { postOracleReset } from "./post-oracle-reset";
import type { SandboxOracle } from "./sandbox-oracle";

/**
 * The oracle's routes, the same in every sandbox (docs/connectors.md, "Sandboxes"); mount the router
 * at `/__sandbox`, outside the vendor's paths and before its catch-all 404:
 *
 * - `GET /people`, `GET /people/:id/records` — who is known, and what still holds their data;
 * - `POST /people` — declare a person (when the sandbox implements `declarePerson`);
 * - `GET /record-counts` — records per type in the active store (sandboxes whose connector counts);
 * - `GET /stats` — calls per route, deletions per record, 429s and refusals;
 * - `POST /faults`, `DELETE /faults` — arm or disarm faults; `GET /faults` — what is armed;
 * - `POST /faults/random` — a seeded share of requests meets a random fault (e.g. 20 %);
 * - `POST /clock` — move time;
 * - `POST /reset` — a freshly seeded world.
 *
 * A sandbox adds its own oracle routes (vendor-specific knobs) to the returned router.
 */
export function createOracleRouter(oracle: SandboxOracle): Router {
  const router = express.Router();
  router.use(express.json());
  router.get("/people", getOraclePeople(oracle));
  router.post("/people", postOraclePeople(oracle));
  router.get("/people/:id/records", getOraclePersonRecords(oracle));
  router.get("/stats", getOracleStats(oracle));
  router.get("/record-counts", getOracleRecordCounts(oracle));
  router.get("/faults", getOracleFaults(oracle));
  router.post("/faults", postOracleFaults(oracle));
  router.post("/faults/random", postOracleRandomFaults(oracle));
  router.delete("/faults", deleteOracleFaults(oracle));
  router.post("/clock", postOracleClock(oracle));
  router.post("/reset", postOracleReset(oracle));
  router.use(answerUnreadableBodies);
  return router;
}

/* express.json() rejects an unparsable body with a 4xx status on the error; anything else is the app's. */
const answerUnreadableBodies: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
  if (status >= 400 && status < 500) res.status(400).json({ error: { code: "invalid_request", message: "The body is not valid JSON." } });
  else next(error);
};
