import { PassThrough } from "node:stream";
import { AuthError, RateLimitedError, ScopeError, type HttpRequest } from "@lethe/connector-sdk";
import { Transport } from "jsforce/lib/transport.js";
import type { HttpRequest as JsforceRequest, HttpResponse as JsforceResponse } from "jsforce/lib/types";
import { StreamPromise } from "jsforce/lib/util/promise.js";
import type { SalesforceContext } from "../settings";
import { untilNextDay, type ApiBudget } from "./api-budget";

const methods: readonly HttpRequest["method"][] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

/**
 * jsforce's HTTP layer, replaced: every request jsforce makes goes through `ctx.http`, so the
 * instance's rate limit, retries, `Retry-After`, timeouts, abort and typed errors apply to it as
 * to any connector call (jsforce's own transport would retry 5xx itself and sleep between tries).
 *
 * Two translations keep jsforce's own behaviour working on top of ctx.http:
 * - ctx.http turns a 401 into AuthError and drops the body. The first 401 after a success is
 *   handed back to jsforce as Salesforce's INVALID_SESSION_ID answer, so its session-refresh
 *   delegate re-runs the OAuth flow and replays the request; a second one in a row is an AuthError.
 * - a 403 right after Sforce-Limit-Info showed the daily allocation spent is REQUEST_LIMIT_EXCEEDED
 *   (Salesforce does not use 429 for it): a RateLimitedError until the next day, not a ScopeError.
 */
export class ContextTransport extends Transport {
  private unauthorisedInARow = 0;

  constructor(
    private readonly ctx: SalesforceContext,
    private readonly budget: ApiBudget,
  ) {
    super();
  }

  override httpRequest(req: JsforceRequest): StreamPromise<JsforceResponse> {
    return StreamPromise.create(() => ({ stream: new PassThrough(), promise: this.send(req) }));
  }

  private async send(req: JsforceRequest): Promise<JsforceResponse> {
    const method = methods.find((candidate) => candidate === req.method.toUpperCase());
    if (!method) throw new TypeError(`jsforce asked for an HTTP method the connector does not send: ${req.method}`);
    if (req.body !== undefined && typeof req.body !== "string") throw new TypeError("jsforce sent a streamed body; the connector sends strings only");
    this.budget.ensureAvailable(this.ctx.clock.now());
    let response;
    try {
      response = await this.ctx.http.request({ method, url: req.url, headers: req.headers, body: req.body, route: routeOf(method, req.url) });
    } catch (error) {
      if (error instanceof AuthError && this.unauthorisedInARow === 0) {
        this.unauthorisedInARow++;
        return { statusCode: 401, headers: {}, body: JSON.stringify([{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }]) };
      }
      if (error instanceof ScopeError && this.budget.looksExhausted()) {
        throw new RateLimitedError("Salesforce's daily API allocation is spent (403 REQUEST_LIMIT_EXCEEDED)", untilNextDay(this.ctx.clock.now()), { cause: error });
      }
      throw error;
    }
    this.unauthorisedInARow = 0;
    this.budget.read(response.headers.get("sforce-limit-info"));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { statusCode: response.status, headers, body: await response.text() };
  }
}

/** A route label without ids or query text: `GET /query`, `PATCH /sobjects/Contact/:id`. */
export function routeOf(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split("?")[0] ?? url;
  }
  const route = path
    .replace(/^\/services\/data\/v\d+\.\d/, "")
    .replace(/\/query(All)?\/[^/]+$/, "/query$1/:locator")
    .replace(/\/(sobjects\/\w+)\/[a-zA-Z0-9]{15,18}(\/|$)/, "/$1/:id$2")
    .replace(/\/jobs\/ingest\/[a-zA-Z0-9]{15,18}/, "/jobs/ingest/:id");
  return `${method} ${route || "/"}`;
}
