import type { OracleRecord } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/**
 * `GET /__sandbox/people/:id/records` → `{ records: OracleRecord[] }`: every record, active or in
 * the trash (`soft-deleted`), that still holds the person's data, read from the store itself.
 */
export function getOraclePersonRecords(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.world.oraclePeople.some((person) => person.id === req.params.id)) {
      res.status(404).json({ error: { code: "not_found", message: "No such seeded person." } });
      return;
    }
    const records: OracleRecord[] = state.store.recordsHolding(req.params.id);
    res.status(200).json({ records });
  };
}
