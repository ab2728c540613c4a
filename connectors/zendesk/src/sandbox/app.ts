import { countCall, createOracleRouter, injectFaults } from "@lethe/sandbox-kit";
import { getTicketsCount, getUsersCount } from "./vendor-routes/counts";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { authenticate } from "./http/authenticate";
import { enforceRateLimit } from "./http/enforce-rate-limit";
import { faultStyle } from "./http/fault-style";
import { sendNotFound } from "./http/zendesk-error";
import { postRedactionFaults } from "./oracle-routes/redaction-faults";
import { getRetentionClocks } from "./oracle-routes/retention-clocks";
import type { SandboxState } from "./sandbox-state";
import { getAttachmentContent, getComments, putCommentRedaction, putLegacyRedaction } from "./vendor-routes/comments";
import { deleteDeletedTicket, deleteManyDeletedTickets, getDeletedTickets, getJobStatus } from "./vendor-routes/deleted-tickets";
import { postIdentity, postTicket, postTicketsCreateMany, postUser, postUsersCreateMany } from "./vendor-routes/create-records";
import { deleteDeletedUser, getDeletedUser, getDeletedUsers } from "./vendor-routes/deleted-users";
import { deleteIdentity, getIdentities, getIdentity } from "./vendor-routes/identities";
import { getSearch, getSearchExport, getUsersSearch } from "./vendor-routes/search";
import { deleteManyTickets, deleteTicket, getTicket, getTickets, getTicketsShowMany, getUserTickets, putTicket } from "./vendor-routes/tickets";
import { deleteUser, getMe, getUser, getUsers } from "./vendor-routes/users";

type Method = "GET" | "POST" | "PUT" | "DELETE";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers differ only in their params type
type AnyHandler = RequestHandler<any>;

/**
 * The Zendesk Support API routes the connector and node-zendesk use (vendor-apis.md §2), and,
 * under `/__sandbox`, the oracle (the kit's routes over SandboxState). Each vendor route is labelled `METHOD path` (without `.json`)
 * and passes: call count, authentication, rate limit, fault injection, then its handler.
 */
export function createSandboxApp(state: SandboxState): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // `page[size]` and `type[]` are plain keys in Zendesk's query strings.
  app.set("query parser", "simple");

  app.use((req, _res, next) => {
    // §2.1: every path takes an optional `.json` suffix.
    const [path = "", query] = req.url.split(/\?(.*)/s, 2);
    if (path.startsWith("/api/v2/") && path.endsWith(".json")) req.url = path.slice(0, -5) + (query !== undefined ? `?${query}` : "");
    state.store.tick(state.now());
    next();
  });

  const faults = faultStyle(state);
  const vendor = (method: Method, path: string, handler: AnyHandler, json = false) => {
    const label = `${method} ${path}`;
    const chain: AnyHandler[] = [countCall(state.stats, label), authenticate(state), enforceRateLimit(state, label), injectFaults(faults, label)];
    if (json) chain.push(express.json());
    if (method === "GET") app.get(path, ...chain, handler);
    else if (method === "PUT") app.put(path, ...chain, handler);
    else if (method === "POST") app.post(path, ...chain, handler);
    else app.delete(path, ...chain, handler);
  };

  vendor("GET", "/api/v2/users/me", getMe(state));
  vendor("GET", "/api/v2/users/count", getUsersCount(state));
  vendor("GET", "/api/v2/tickets/count", getTicketsCount(state));
  vendor("GET", "/api/v2/search", getSearch(state));
  vendor("GET", "/api/v2/search/export", getSearchExport(state));
  vendor("GET", "/api/v2/users/search", getUsersSearch(state));
  vendor("GET", "/api/v2/users", getUsers(state));
  vendor("POST", "/api/v2/users", postUser(state), true);
  vendor("POST", "/api/v2/users/create_many", postUsersCreateMany(state), true);
  vendor("GET", "/api/v2/users/:id", getUser(state));
  vendor("DELETE", "/api/v2/users/:id", deleteUser(state));
  vendor("GET", "/api/v2/users/:id/identities", getIdentities(state));
  vendor("POST", "/api/v2/users/:id/identities", postIdentity(state), true);
  vendor("GET", "/api/v2/users/:id/identities/:identityId", getIdentity(state));
  vendor("DELETE", "/api/v2/users/:id/identities/:identityId", deleteIdentity(state));
  vendor("GET", "/api/v2/users/:id/tickets/requested", getUserTickets(state, "requested"));
  vendor("GET", "/api/v2/users/:id/tickets/ccd", getUserTickets(state, "ccd"));
  vendor("GET", "/api/v2/users/:id/tickets/followed", getUserTickets(state, "followed"));
  vendor("GET", "/api/v2/deleted_users", getDeletedUsers(state));
  vendor("GET", "/api/v2/deleted_users/:id", getDeletedUser(state));
  vendor("DELETE", "/api/v2/deleted_users/:id", deleteDeletedUser(state));
  vendor("GET", "/api/v2/tickets", getTickets(state));
  vendor("POST", "/api/v2/tickets", postTicket(state), true);
  vendor("POST", "/api/v2/tickets/create_many", postTicketsCreateMany(state), true);
  vendor("GET", "/api/v2/tickets/show_many", getTicketsShowMany(state));
  vendor("DELETE", "/api/v2/tickets/destroy_many", deleteManyTickets(state));
  vendor("GET", "/api/v2/tickets/:id", getTicket(state));
  vendor("PUT", "/api/v2/tickets/:id", putTicket(state), true);
  vendor("DELETE", "/api/v2/tickets/:id", deleteTicket(state));
  vendor("GET", "/api/v2/tickets/:id/comments", getComments(state));
  vendor("PUT", "/api/v2/tickets/:id/comments/:commentId/redact", putLegacyRedaction(state), true);
  vendor("PUT", "/api/v2/comment_redactions/:commentId", putCommentRedaction(state), true);
  vendor("GET", "/api/v2/deleted_tickets", getDeletedTickets(state));
  vendor("DELETE", "/api/v2/deleted_tickets/destroy_many", deleteManyDeletedTickets(state));
  vendor("DELETE", "/api/v2/deleted_tickets/:id", deleteDeletedTicket(state));
  vendor("GET", "/api/v2/job_statuses/:id", getJobStatus(state));
  vendor("GET", "/attachments/token/:token", getAttachmentContent(state));

  const oracle = createOracleRouter(state);
  oracle.post("/redactions", postRedactionFaults(state));
  oracle.get("/retention-clocks", getRetentionClocks(state));
  app.use("/__sandbox", oracle);

  app.use((_req, res) => sendNotFound(res));
  app.use(answerUnexpectedErrors);
  return app;
}

const answerUnexpectedErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
  if (status >= 400 && status < 500) res.status(400).json({ error: "InvalidJSON", description: "The request body is not valid JSON." });
  else res.status(500).json({ error: "InternalServerError", description: "The sandbox failed; see its log." });
};
