import type { OracleRecord } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import { sendOracleNotFound } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

/**
 * `GET /__sandbox/people/:id/records` → `{ records: OracleRecord[] }`: every record, in any
 * store, that still holds the person's data; 404 for a person nobody seeded, declared or created.
 */
export function getOraclePersonRecords(oracle: SandboxOracle): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!oracle.people().some((person) => person.id === req.params.id)) {
      sendOracleNotFound(res, "No such person.");
      return;
    }
    const records: OracleRecord[] = oracle.recordsHolding(req.params.id);
    res.status(200).json({ records });
  };
}
