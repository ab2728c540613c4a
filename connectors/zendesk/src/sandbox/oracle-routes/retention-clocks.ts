import type { OracleRetentionClock } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/**
 * `GET /__sandbox/retention-clocks?recordType=ticket` → `{ clocks }`: every closed ticket with its
 * last update, when a closed ticket's retention starts counting (it cannot change any more), read
 * from the store, for the conformance suite's retention checks. Other record types have none.
 */
export function getRetentionClocks(state: SandboxState): RequestHandler {
  return (req, res) => {
    const clocks: OracleRetentionClock[] =
      req.query.recordType === "ticket"
        ? [...state.store.tickets.values()]
            .filter((ticket) => ticket.status === "closed")
            .map((ticket) => ({ ref: { type: "ticket", id: String(ticket.id) }, at: ticket.updated_at }))
        : [];
    res.status(200).json({ clocks });
  };
}
