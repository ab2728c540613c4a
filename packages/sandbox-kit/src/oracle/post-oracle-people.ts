import { identifierKinds, type OraclePerson } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import { z } from "zod";
import { PersonDirectoryError } from "../world/person-directory";
import { sendInvalidOracleRequest } from "./send-oracle-error";
import type { SandboxOracle } from "./sandbox-oracle";

export const personDeclarationSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  role: z.enum(["subject", "bystander"]),
  bystanderOf: z.string().min(1).optional(),
  identifiers: z
    .array(z.strictObject({ kind: z.enum(identifierKinds), value: z.string().min(1), system: z.string().min(1).optional() }))
    .min(1),
});

/**
 * `POST /__sandbox/people` `{ id?, role, bystanderOf?, identifiers }` → 201 `{ person }`: declares
 * who someone is before (or after) their records are created through the vendor's API; records
 * whose identifiers match are then theirs. 409 `conflict` for an id already taken, 400 for a body
 * that is not a declaration or a `bystanderOf` nobody has.
 */
export function postOraclePeople(oracle: SandboxOracle): RequestHandler {
  return (req, res) => {
    const declarePerson = oracle.declarePerson?.bind(oracle);
    if (!declarePerson) {
      res.status(404).json({ error: { code: "not_found", message: "This sandbox does not take declared people." } });
      return;
    }
    const parsed = personDeclarationSchema.safeParse(req.body);
    if (!parsed.success) {
      sendInvalidOracleRequest(res, parsed.error);
      return;
    }
    try {
      const person: OraclePerson = declarePerson(parsed.data);
      res.status(201).json({ person });
    } catch (error) {
      if (!(error instanceof PersonDirectoryError)) throw error;
      const taken = error.message.includes("already exists");
      res.status(taken ? 409 : 400).json({ error: { code: taken ? "conflict" : "invalid_request", message: error.message } });
    }
  };
}
