import { VendorContractError, type HttpResponse, type JsonValue } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";

export interface ZendeskCall {
  method: "GET" | "PUT" | "DELETE";
  /** Path under `/api/v2`, ids already URI-encoded, e.g. `/users/35436`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: JsonValue;
  /** Route label for logs and stats (never holds identifiers), e.g. `users.show`. */
  route: string;
}

/**
 * One call to the Zendesk Support API (vendor-apis.md §2.1): `{baseUrl}/api/v2{path}`, JSON, and
 * the instance's credentials as Basic `{email}/token:{token}` or an OAuth Bearer token.
 * 401/403/429/5xx come back from `ctx.http` as typed errors.
 */
export function callZendesk(ctx: ZendeskContext, call: ZendeskCall): Promise<HttpResponse> {
  return ctx.http.request({
    method: call.method,
    url: `${apiBase(ctx)}${call.path}`,
    query: call.query,
    headers: { authorization: authorizationOf(ctx), accept: "application/json" },
    body: call.body,
    route: call.route,
  });
}

/** A follow-up page URL the API handed out (`links.next`, `next_page`); only ever our own host. */
export function callZendeskUrl(ctx: ZendeskContext, url: string, route: string): Promise<HttpResponse> {
  if (!sameOrigin(ctx, url)) {
    throw new VendorContractError(`${route} pointed the next page at another host`, { route });
  }
  return ctx.http.request({
    method: "GET",
    url,
    headers: { authorization: authorizationOf(ctx), accept: "application/json" },
    route,
  });
}

export function apiBase(ctx: ZendeskContext): string {
  return `${ctx.settings.baseUrl.replace(/\/+$/, "")}/api/v2`;
}

export function sameOrigin(ctx: ZendeskContext, url: string): boolean {
  return URL.canParse(url) && new URL(url).origin === new URL(ctx.settings.baseUrl).origin;
}

export function authorizationOf(ctx: ZendeskContext): string {
  const { email, apiToken, oauthAccessToken } = ctx.secrets;
  if (oauthAccessToken !== undefined) return `Bearer ${oauthAccessToken}`;
  // The secrets schema guarantees the pair when there is no OAuth token.
  return `Basic ${Buffer.from(`${email ?? ""}/token:${apiToken ?? ""}`, "utf8").toString("base64")}`;
}

/**
 * A status the API does not document for this call means we no longer understand the vendor.
 * The body is left out of the error: it may echo the person's data.
 */
export function expectStatus(response: HttpResponse, expected: readonly number[], route: string): void {
  if (expected.includes(response.status)) return;
  throw new VendorContractError(`${route} answered ${response.status}; expected ${expected.join(" or ")}`, { route });
}

export function pathId(id: string | number): string {
  return encodeURIComponent(String(id));
}
