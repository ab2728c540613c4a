import { AuthError, VendorContractError, type HttpResponse, type JsonValue } from "@lethe/connector-sdk";
import type { RecorderContext } from "../settings";
import { parseRecord } from "./read-vendor-json";
import { tokenRecord } from "./records";

export interface VendorCall {
  method: "GET" | "POST" | "PUT";
  /** Path under the base URL; ids in it must already be URI-encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: JsonValue;
  /** Whether a POST may be repeated after a 5xx (a search may; creating a job may not). */
  idempotent?: boolean;
  /** Route label for logs and stats (never holds identifiers), e.g. `recordings.search`. */
  route: string;
}

/*
 * Access tokens, one per context's secrets object (a runtime operation gets one context). Kept in
 * a WeakMap so a token lives no longer than the operation that asked for it.
 */
const tokens = new WeakMap<object, Promise<string>>();

/**
 * One call to the recorder API (API.md, "Authentication"): a bearer token from the OAuth client
 * credentials grant. A token the API refuses (401) is replaced once — whether it was cached or
 * granted a moment ago, since a token can expire between its grant and its first use (the
 * vendor's clock ahead of ours); a second 401 is the AuthError `ctx.http` raised. Credentials the
 * grant itself refuses fail at the grant, without a retry.
 */
export async function callVendor(ctx: RecorderContext, call: VendorCall): Promise<HttpResponse> {
  const token = await (tokens.get(ctx.secrets) ?? freshToken(ctx));
  try {
    return await send(ctx, call, token);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    tokens.delete(ctx.secrets);
    ctx.log.info("The access token was refused; requesting a new one", { route: call.route });
    return send(ctx, call, await freshToken(ctx));
  }
}

function send(ctx: RecorderContext, call: VendorCall, token: string): Promise<HttpResponse> {
  return ctx.http.request({
    method: call.method,
    url: `${baseUrl(ctx)}${call.path}`,
    query: call.query,
    body: call.body,
    idempotent: call.idempotent,
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    route: call.route,
  });
}

function freshToken(ctx: RecorderContext): Promise<string> {
  const pending = requestToken(ctx);
  tokens.set(ctx.secrets, pending);
  // A failed grant must not stay cached: the next call asks again.
  pending.catch(() => tokens.delete(ctx.secrets));
  return pending;
}

/* API.md, "Authentication": POST /oauth/token, client id and secret as HTTP Basic. */
async function requestToken(ctx: RecorderContext): Promise<string> {
  const route = "oauth.token";
  const basic = Buffer.from(`${ctx.secrets.clientId}:${ctx.secrets.clientSecret}`, "utf8").toString("base64");
  const response = await ctx.http.request({
    method: "POST",
    url: `${baseUrl(ctx)}/oauth/token`,
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: "grant_type=client_credentials",
    // Asking for a token changes nothing at the vendor: safe to repeat after a 5xx.
    idempotent: true,
    route,
  });
  expectStatus(response, [200], route);
  return parseRecord(await response.json(), tokenRecord, { route, recordType: "token" }).access_token;
}

function baseUrl(ctx: RecorderContext): string {
  return ctx.settings.baseUrl.replace(/\/+$/, "");
}

/**
 * A status the API does not document for this call means we no longer understand the vendor.
 * The body is left out of the error: it may echo the person's data.
 */
export function expectStatus(response: HttpResponse, expected: readonly number[], route: string): void {
  if (expected.includes(response.status)) return;
  throw new VendorContractError(`${route} answered ${response.status}; the API documents ${expected.join(" or ")}`, {
    route,
  });
}

export function pathId(id: string): string {
  return encodeURIComponent(id);
}
