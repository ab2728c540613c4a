import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { authenticate } from "./http/authenticate";
import { countCall } from "./http/count-call";
import { enforceRateLimit } from "./http/enforce-rate-limit";
import { injectFaults } from "./http/inject-faults";
import { sendNotFound } from "./http/zendesk-error";
import { deleteOracleFaults } from "./oracle-routes/delete-oracle-faults";
import { getOraclePeople } from "./oracle-routes/get-oracle-people";
import { getOraclePersonRecords } from "./oracle-routes/get-oracle-person-records";
import { getOracleStats } from "./oracle-routes/get-oracle-stats";
import { postOracleClock } from "./oracle-routes/post-oracle-clock";
import { postOracleFaults } from "./oracle-routes/post-oracle-faults";
import { postOracleReset } from "./oracle-routes/post-oracle-reset";
import type { SandboxState } from "./sandbox-state";
import { getAttachmentContent, getComments, putCommentRedaction, putLegacyRedaction } from "./vendor-routes/comments";
import { deleteDeletedTicket, deleteManyDeletedTickets, getDeletedTickets, getJobStatus } from "./vendor-routes/deleted-tickets";
import { deleteDeletedUser, getDeletedUser, getDeletedUsers } from "./vendor-routes/deleted-users";
import { deleteIdentity, getIdentities, getIdentity } from "./vendor-routes/identities";
import { getSearch, getSearchExport, getUsersSearch } from "./vendor-routes/search";
import { deleteManyTickets, deleteTicket, getTicket, getTickets, getTicketsShowMany, getUserTickets, putTicket } from "./vendor-routes/tickets";
import { deleteUser, getMe, getUser, getUsers } from "./vendor-routes/users";

type Method = "GET" | "PUT" | "DELETE";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers differ only in their params type
type AnyHandler = RequestHandler<any>;

/**
 * The Zendesk Support API routes the connector and node-zendesk use (vendor-apis.md §2), and,
 * under `/__sandbox`, the oracle. Each vendor route is labelled `METHOD path` (without `.json`)
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

  const vendor = (method: Method, path: string, handler: AnyHandler, json = false) => {
    const label = `${method} ${path}`;
    const chain: AnyHandler[] = [countCall(state, label), authenticate(state), enforceRateLimit(state, label), injectFaults(state, label)];
    if (json) chain.push(express.json());
    if (method === "GET") app.get(path, ...chain, handler);
    else if (method === "PUT") app.put(path, ...chain, handler);
    else app.delete(path, ...chain, handler);
  };

  vendor("GET", "/api/v2/users/me", getMe(state));
  vendor("GET", "/api/v2/search", getSearch(state));
  vendor("GET", "/api/v2/search/export", getSearchExport(state));
  vendor("GET", "/api/v2/users/search", getUsersSearch(state));
  vendor("GET", "/api/v2/users", getUsers(state));
  vendor("GET", "/api/v2/users/:id", getUser(state));
  vendor("DELETE", "/api/v2/users/:id", deleteUser(state));
  vendor("GET", "/api/v2/users/:id/identities", getIdentities(state));
  vendor("GET", "/api/v2/users/:id/identities/:identityId", getIdentity(state));
  vendor("DELETE", "/api/v2/users/:id/identities/:identityId", deleteIdentity(state));
  vendor("GET", "/api/v2/users/:id/tickets/requested", getUserTickets(state, "requested"));
  vendor("GET", "/api/v2/users/:id/tickets/ccd", getUserTickets(state, "ccd"));
  vendor("GET", "/api/v2/users/:id/tickets/followed", getUserTickets(state, "followed"));
  vendor("GET", "/api/v2/deleted_users", getDeletedUsers(state));
  vendor("GET", "/api/v2/deleted_users/:id", getDeletedUser(state));
  vendor("DELETE", "/api/v2/deleted_users/:id", deleteDeletedUser(state));
  vendor("GET", "/api/v2/tickets", getTickets(state));
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

  const oracle = express.Router();
  oracle.use(express.json());
  oracle.get("/people", getOraclePeople(state));
  oracle.get("/people/:id/records", getOraclePersonRecords(state));
  oracle.get("/stats", getOracleStats(state));
  oracle.post("/faults", postOracleFaults(state));
  oracle.delete("/faults", deleteOracleFaults(state));
  oracle.post("/clock", postOracleClock(state));
  oracle.post("/reset", postOracleReset(state));
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
