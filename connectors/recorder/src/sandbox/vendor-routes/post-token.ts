import type { RequestHandler } from "express";
import { tokenLifetimeSeconds, type SandboxState } from "../sandbox-state";

/**
 * `POST /oauth/token` (RFC 6749 §4.4, as Genesys Cloud's login endpoint): HTTP Basic client
 * credentials and `grant_type=client_credentials` → `{ access_token, token_type, expires_in }`.
 * Refusals use OAuth's error body, not the API's: 401 `invalid_client`, 400 `unsupported_grant_type`.
 */
export function postToken(state: SandboxState): RequestHandler {
  return (req, res) => {
    const basic = /^Basic\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
    const [clientId, clientSecret] = Buffer.from(basic ?? "", "base64").toString("utf8").split(":");
    if (clientId !== state.config.clientId || clientSecret !== state.config.clientSecret) {
      state.stats.refuse();
      res.set("WWW-Authenticate", 'Basic realm="recorder"');
      res.status(401).json({ error: "invalid_client", error_description: "Client authentication failed." });
      return;
    }
    const grant = typeof req.body === "object" && req.body !== null ? (req.body as Record<string, unknown>).grant_type : undefined;
    if (grant !== "client_credentials") {
      res.status(400).json({ error: "unsupported_grant_type", error_description: "Only client_credentials is supported." });
      return;
    }
    res.set("Cache-Control", "no-store");
    res.status(200).json({ access_token: state.issueToken(), token_type: "bearer", expires_in: tokenLifetimeSeconds });
  };
}
