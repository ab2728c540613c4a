import type { OraclePerson } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxOracle } from "./sandbox-oracle";

/** `GET /__sandbox/people` → `{ people: OraclePerson[] }`: everyone seeded, erased or not. */
export function getOraclePeople(oracle: SandboxOracle): RequestHandler {
  return (_req, res) => {
    const people: OraclePerson[] = oracle.people();
    res.status(200).json({ people });
  };
}
