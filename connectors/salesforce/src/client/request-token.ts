import { createSign } from "node:crypto";
import { AuthError, VendorContractError } from "@lethe/connector-sdk";
import { z } from "zod";
import type { SalesforceContext } from "../settings";

const tokenResponse = z.object({
  access_token: z.string().min(1),
  instance_url: z.url(),
  id: z.string(),
  token_type: z.string(),
});
const oauthError = z.object({ error: z.string(), error_description: z.string().optional() });

export type Token = z.output<typeof tokenResponse>;

const jwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Salesforce accepts assertions a few minutes ahead; clients commonly use three. */
const assertionLifetimeSeconds = 180;

/**
 * Runs the connected app's server-to-server flow (vendor-apis.md §1.2) against
 * `{loginUrl}/services/oauth2/token`: client credentials, or a JWT bearer assertion signed RS256
 * with the app's key. Neither returns a refresh token, so an expired session re-runs the flow.
 * A refused grant (400 with OAuth's `{error, error_description}`) is an AuthError.
 */
export async function requestToken(ctx: SalesforceContext): Promise<Token> {
  const { secrets, settings } = ctx;
  const form: Record<string, string> =
    secrets.flow === "client_credentials"
      ? { grant_type: "client_credentials", client_id: secrets.clientId, client_secret: secrets.clientSecret }
      : { grant_type: jwtGrant, assertion: signAssertion(ctx) };
  const route = "oauth2.token";
  const response = await ctx.http.request({
    method: "POST",
    url: new URL("/services/oauth2/token", settings.loginUrl).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(form).toString(),
    // A token request changes nothing; repeating it after a fault is safe.
    idempotent: true,
    route,
  });
  if (response.status === 400 || response.status === 401) {
    const parsed = oauthError.safeParse(await response.json().catch(() => undefined));
    throw new AuthError(
      parsed.success
        ? `Salesforce refused the ${secrets.flow} grant: ${parsed.data.error}${parsed.data.error_description ? ` (${parsed.data.error_description})` : ""}`
        : `Salesforce refused the ${secrets.flow} grant with ${response.status}`,
    );
  }
  if (response.status !== 200) throw new VendorContractError(`${route} answered ${response.status}`, { route });
  const parsed = tokenResponse.safeParse(await response.json());
  if (!parsed.success) throw new VendorContractError(`${route} answered a token response of an undocumented shape`, { route, issues: parsed.error.issues });
  return parsed.data;
}

function signAssertion(ctx: SalesforceContext): string {
  if (ctx.secrets.flow !== "jwt_bearer") throw new Error("only the JWT bearer flow signs an assertion");
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "RS256" });
  const claims = encode({
    iss: ctx.secrets.clientId,
    sub: ctx.secrets.username,
    aud: ctx.settings.jwtAudience,
    exp: Math.floor(ctx.clock.now().getTime() / 1000) + assertionLifetimeSeconds,
  });
  const signer = createSign("RSA-SHA256");
  signer.update(`${header}.${claims}`);
  let signature: string;
  try {
    signature = signer.sign(ctx.secrets.privateKey, "base64url");
  } catch (error) {
    throw new AuthError("The JWT bearer private key could not sign the assertion (is it a PEM RSA private key?)", { cause: error });
  }
  return `${header}.${claims}.${signature}`;
}
