import type { OracleRetentionClock } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/**
 * `GET /__sandbox/retention-clocks?recordType=recording` → `{ clocks }`: every stored call with the
 * instant its retention counts from — the end of the call — read from the store, for the
 * conformance suite's retention checks. Other record types have none.
 */
export function getOracleRetentionClocks(state: SandboxState): RequestHandler {
  return (req, res) => {
    const clocks: OracleRetentionClock[] =
      req.query.recordType === "recording"
        ? [...state.store.recordings.values()].map((recording) => ({ ref: { type: "recording", id: recording.id }, at: recording.endTime }))
        : [];
    res.status(200).json({ clocks });
  };
}
