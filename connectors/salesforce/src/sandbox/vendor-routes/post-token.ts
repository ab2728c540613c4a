import { createHash, createVerify, randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { sendOAuthError } from "../http/salesforce-error";
import { sessionLifetimeMs, type SandboxState } from "../sandbox-state";

export const orgId = "00D5g000004SBXQEA4";
export const integrationUserId = "0055g00000AbCdEAAV";
const jwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const formBody = z.record(z.string(), z.unknown());
const jwtHeader = z.object({ alg: z.literal("RS256") });

/**
 * `POST /services/oauth2/token` (form-encoded), the two server-to-server flows of vendor-apis.md
 * §1.2: `client_credentials` with the connected app's key and secret, and the JWT bearer flow
 * with an RS256 assertion (`iss` consumer key, `sub` username, `aud` a login host or this My
 * Domain, `exp` in the future). Errors are OAuth's `{error, error_description}` with 400.
 * Neither flow returns a refresh token.
 */
export function postToken(state: SandboxState): RequestHandler {
  return (req, res) => {
    const body = formBody.catch({}).parse(req.body);
    const grant = typeof body.grant_type === "string" ? body.grant_type : undefined;
    if (grant === "client_credentials") {
      if (body.client_id !== state.config.clientId) return sendOAuthError(res, 400, "invalid_client_id", "client identifier invalid");
      if (body.client_secret !== state.config.clientSecret) return sendOAuthError(res, 400, "invalid_client", "invalid client credentials");
      return issue(state, req, res, { signature: true });
    }
    if (grant === jwtGrant) {
      const problem = checkAssertion(state, req, typeof body.assertion === "string" ? body.assertion : "");
      if (problem) return sendOAuthError(res, 400, problem.error, problem.description);
      return issue(state, req, res, { signature: false });
    }
    return sendOAuthError(res, 400, "unsupported_grant_type", "grant type not supported");
  };
}

function issue(state: SandboxState, req: Request, res: Response, options: { signature: boolean }): void {
  const accessToken = `${orgId.slice(0, 15)}!AR${state.nextSerial()}${randomBytes(24).toString("base64url")}`;
  const now = state.clock.now().getTime();
  state.sessions.set(accessToken, { expiresAt: now + sessionLifetimeMs });
  const instanceUrl = `${req.protocol}://${req.get("host") ?? "127.0.0.1"}`;
  res.status(200).json({
    access_token: accessToken,
    ...(options.signature ? { signature: createHash("sha256").update(accessToken).digest("base64") } : { scope: "api" }),
    ...(options.signature ? { token_format: "opaque" } : {}),
    instance_url: instanceUrl,
    id: `https://login.salesforce.com/id/${orgId}/${integrationUserId}`,
    token_type: "Bearer",
    issued_at: String(now),
  });
}

function checkAssertion(state: SandboxState, req: Request, assertion: string): { error: string; description: string } | undefined {
  const invalid = { error: "invalid_grant", description: "invalid assertion" };
  const [header, payload, signature] = assertion.split(".");
  if (!header || !payload || signature === undefined) return invalid;
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  let claims: Record<string, unknown>;
  try {
    const algorithm = jwtHeader.safeParse(JSON.parse(Buffer.from(header, "base64url").toString("utf8")));
    if (!algorithm.success || !verifier.verify(state.config.jwtPublicKey, Buffer.from(signature, "base64url"))) return invalid;
    claims = formBody.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return invalid;
  }
  if (claims.iss !== state.config.clientId) return { error: "invalid_client_id", description: "client identifier invalid" };
  const ownHost = `${req.protocol}://${req.get("host") ?? ""}`;
  if (![`https://login.salesforce.com`, `https://test.salesforce.com`, ownHost].includes(String(claims.aud))) {
    return { error: "invalid_grant", description: "audience is invalid" };
  }
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= state.clock.now().getTime()) return { error: "invalid_grant", description: "expired authorization code" };
  if (claims.sub !== state.config.username) return { error: "invalid_grant", description: "user hasn't approved this consumer" };
  return undefined;
}
