import type { RequestHandler } from "express";

/**
 * `GET /api/me`: the account the token belongs to. Cheap, touches no personal data, and
 * answers 401 for a bad token like every other route, so clients use it to test credentials.
 */
export function getMe(): RequestHandler {
  return (_req, res) => {
    res.status(200).json({ account: { id: "acc_sandbox", name: "Reference CRM sandbox" }, scopes: ["people:read", "people:delete"] });
  };
}
