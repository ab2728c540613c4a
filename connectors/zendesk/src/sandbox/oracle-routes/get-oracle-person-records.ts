import type { OracleRecord } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { recordsHolding } from "../world/oracle-view";

/**
 * `GET /__sandbox/people/:id/records` → `{ records: OracleRecord[] }`: every record still holding
 * the person's data, read from the store, the deleted-users and deleted-tickets stores included.
 */
export function getOraclePersonRecords(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const person = state.world.oraclePeople.find((p) => p.id === req.params.id);
    if (!person) {
      res.status(404).json({ error: { code: "not_found", message: "No such seeded person." } });
      return;
    }
    state.store.tick(state.now());
    const records: OracleRecord[] = recordsHolding(state.store, person);
    res.status(200).json({ records });
  };
}
