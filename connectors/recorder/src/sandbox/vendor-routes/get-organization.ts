import type { RequestHandler } from "express";

/** `GET /v1/organization`: the account the client belongs to; no personal data. */
export function getOrganization(): RequestHandler {
  return (_req, res) => {
    res.status(200).json({ organization: { id: "org_sandbox", name: "Example Contact Centre (sandbox)" } });
  };
}
