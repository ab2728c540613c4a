import { VendorContractError, type HttpResponse } from "@lethe/connector-sdk";
import type { TwilioContext } from "../settings";

export interface TwilioCall {
  method: "GET" | "HEAD" | "DELETE";
  /** Path under `/2010-04-01/Accounts/{AccountSid}`, sids already URI-encoded, e.g. `/Calls.json`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Route label for logs and stats (never holds identifiers), e.g. `calls.list`. */
  route: string;
}

/**
 * One call to Twilio's 2010-04-01 REST API: `{baseUrl}/2010-04-01/Accounts/{AccountSid}{path}`,
 * HTTP Basic with the Account SID and Auth Token (or an API key's SID and secret). 401, 403, 429
 * (Twilio's code 20429) and 5xx come back from `ctx.http` as the SDK's typed errors.
 */
export function callTwilio(ctx: TwilioContext, call: TwilioCall): Promise<HttpResponse> {
  return ctx.http.request({
    method: call.method,
    url: `${accountBase(ctx)}${call.path}`,
    query: call.query,
    headers: { authorization: authorizationOf(ctx), accept: "application/json" },
    route: call.route,
  });
}

/**
 * A follow-up page Twilio handed out (`next_page_uri`, a path from the API's root). Only a path
 * under our own account is followed: anything else would send the credentials elsewhere.
 */
export function callTwilioUri(ctx: TwilioContext, uri: string, route: string): Promise<HttpResponse> {
  const url = new URL(uri, `${apiRoot(ctx)}/`);
  if (url.origin !== new URL(apiRoot(ctx)).origin || !url.pathname.startsWith(`${accountPath(ctx)}/`)) {
    throw new VendorContractError(`${route} pointed the next page outside the account`, { route });
  }
  return ctx.http.request({
    method: "GET",
    url: url.toString(),
    headers: { authorization: authorizationOf(ctx), accept: "application/json" },
    route,
  });
}

function apiRoot(ctx: TwilioContext): string {
  return ctx.settings.baseUrl.replace(/\/+$/, "");
}

function accountPath(ctx: TwilioContext): string {
  return `/2010-04-01/Accounts/${encodeURIComponent(ctx.settings.accountSid)}`;
}

export function accountBase(ctx: TwilioContext): string {
  return `${apiRoot(ctx)}${accountPath(ctx)}`;
}

function authorizationOf(ctx: TwilioContext): string {
  const { authToken, apiKeySid, apiKeySecret } = ctx.secrets;
  // The secrets schema guarantees one complete pair.
  const [user, password] = authToken !== undefined ? [ctx.settings.accountSid, authToken] : [apiKeySid ?? "", apiKeySecret ?? ""];
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

/**
 * A status the API does not document for this call means we no longer understand the vendor.
 * The body is left out of the error: it may echo the person's data.
 */
export function expectStatus(response: HttpResponse, expected: readonly number[], route: string): void {
  if (expected.includes(response.status)) return;
  throw new VendorContractError(`${route} answered ${response.status}; expected ${expected.join(" or ")}`, { route });
}

export function pathSid(sid: string): string {
  return encodeURIComponent(sid);
}
