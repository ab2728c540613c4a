import { VendorContractError, type HttpResponse, type JsonValue } from "@lethe/connector-sdk";
import type { ReferenceContext } from "../settings";

export interface VendorCall {
  method: "GET" | "DELETE" | "PATCH";
  /** Path under the base URL; ids in it must already be URI-encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** A JSON body (PATCH). */
  body?: JsonValue;
  /** Route label for logs and stats (never holds identifiers), e.g. `people.search`. */
  route: string;
}

/**
 * One call to the Reference CRM API (API.md, "Authentication"): the base URL from settings and
 * the token as a bearer header. 401/403/429/5xx come back from `ctx.http` as typed errors.
 */
export function callVendor(ctx: ReferenceContext, call: VendorCall): Promise<HttpResponse> {
  return ctx.http.request({
    method: call.method,
    url: `${ctx.settings.baseUrl.replace(/\/+$/, "")}${call.path}`,
    query: call.query,
    headers: { authorization: `Bearer ${ctx.secrets.apiToken}`, accept: "application/json" },
    route: call.route,
    // A PATCH sets values rather than adding to them: repeating it after a lost answer is safe.
    ...(call.body !== undefined ? { body: call.body, idempotent: true } : {}),
  });
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
