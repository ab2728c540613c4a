import { ConnectorError, VendorContractError, type HttpResponse } from "@lethe/connector-sdk";
import { Connection } from "jsforce";
import type { SalesforceContext } from "../settings";
import { ApiBudget } from "./api-budget";
import { ContextTransport, routeOf } from "./context-transport";
import { requestToken } from "./request-token";

/**
 * The connector's handle on one org: a jsforce 3 Connection whose HTTP goes through `ctx.http`
 * (ContextTransport), whose session is refreshed by re-running the OAuth flow on
 * INVALID_SESSION_ID, and whose failures come out as the SDK's typed errors.
 */
export interface SalesforceClient {
  connection: Connection;
  budget: ApiBudget;
  /** Runs a jsforce call; anything that is not already a typed error becomes a VendorContractError naming the route. */
  call<T>(route: string, run: (connection: Connection) => Promise<T>): Promise<T>;
  /** A binary download (ContentVersion data), through ctx.http with the current session. */
  download(path: string): Promise<HttpResponse>;
}

const clients = new WeakMap<SalesforceContext, Promise<SalesforceClient>>();

/** One client per context: an operation logs in once, however many calls it makes. */
export function salesforceClient(ctx: SalesforceContext): Promise<SalesforceClient> {
  let client = clients.get(ctx);
  if (!client) {
    client = connect(ctx);
    clients.set(ctx, client);
    // A failed login is not cached: the next operation tries again.
    client.catch(() => clients.delete(ctx));
  }
  return client;
}

async function connect(ctx: SalesforceContext): Promise<SalesforceClient> {
  const token = await requestToken(ctx);
  const budget = new ApiBudget(ctx.settings.apiReserve);
  let refreshFailure: unknown;
  const connection = new Connection({
    instanceUrl: token.instance_url,
    accessToken: token.access_token,
    version: ctx.settings.apiVersion,
    maxRequest: 4,
    refreshFn: (conn, callback) => {
      requestToken(ctx).then(
        (fresh) => {
          refreshFailure = undefined;
          conn.instanceUrl = fresh.instance_url;
          callback(null, fresh.access_token);
        },
        (error: unknown) => {
          // jsforce wraps refresh failures in a plain Error; keep the typed one to rethrow.
          refreshFailure = error;
          callback(error instanceof Error ? error : new Error("token refresh failed"));
        },
      );
    },
  });
  connection._transport = new ContextTransport(ctx, budget);

  const call: SalesforceClient["call"] = async (route, run) => {
    ctx.signal.throwIfAborted();
    try {
      return await run(connection);
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      if (refreshFailure instanceof ConnectorError) throw refreshFailure;
      if (ctx.signal.aborted) throw ctx.signal.reason;
      // jsforce's messages can repeat the query (and so an identifier): keep only the error code.
      const code = typeof error === "object" && error !== null && "errorCode" in error ? String(error.errorCode) : error instanceof Error ? error.name : "unknown";
      throw new VendorContractError(`Salesforce ${route} failed: ${code}`, { route, issues: code });
    }
  };

  const download: SalesforceClient["download"] = async (path) => {
    const url = new URL(path, connection.instanceUrl).toString();
    const send = () => ctx.http.request({ method: "GET", url, headers: { authorization: `Bearer ${connection.accessToken}` }, route: routeOf("GET", url) });
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof Error) || error.name !== "AuthError") throw error;
      connection.accessToken = (await requestToken(ctx)).access_token;
      return send();
    }
  };

  return { connection, budget, call, download };
}
