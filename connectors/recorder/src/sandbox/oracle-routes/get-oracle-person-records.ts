import type { OracleRecord } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/**
 * `GET /__sandbox/people/:id/records` → `{ records: OracleRecord[] }`: every recording, transcript
 * and consent record of a call they took part in, media deleted but not purged (`soft-deleted`) included, read from the store itself.
 */
export function getOraclePersonRecords(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.world.oraclePeople.some((person) => person.id === req.params.id)) {
      res.status(404).json({ message: "No such seeded person.", code: "not.found", status: 404 });
      return;
    }
    const records: OracleRecord[] = state.store.recordsHolding(req.params.id);
    res.status(200).json({ records });
  };
}
