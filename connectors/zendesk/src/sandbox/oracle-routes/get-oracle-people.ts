import type { OraclePerson } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/** `GET /__sandbox/people` → `{ people: OraclePerson[] }`: everyone seeded, erased or not. */
export function getOraclePeople(state: SandboxState): RequestHandler {
  return (_req, res) => {
    const people: OraclePerson[] = state.world.oraclePeople;
    res.status(200).json({ people });
  };
}
