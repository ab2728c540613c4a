import type { RequestHandler } from "express";
import { sendOracleNotFound } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

/**
 * `GET /__sandbox/record-counts` → `{ counts: { <record type>: n } }`: how many records of each type
 * the vendor's active store holds, read from the store, to judge a connector's `countRecords`.
 * 404 from a sandbox that does not count (its connector declares no `countRecords`).
 */
export function getOracleRecordCounts(oracle: SandboxOracle): RequestHandler {
  return (_req, res) => {
    if (!oracle.recordCounts) {
      sendOracleNotFound(res, "This sandbox does not count records.");
      return;
    }
    res.status(200).json({ counts: oracle.recordCounts() });
  };
}
