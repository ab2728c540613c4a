import { countCall, createOracleRouter, injectFaults } from "@lethe/sandbox-kit";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { authenticate } from "./http/authenticate";
import { enforceApiAllocation } from "./http/enforce-api-allocation";
import { oauthFaultStyle, restFaultStyle } from "./http/fault-styles";
import { sendSalesforceError } from "./http/salesforce-error";
import { addSalesforceOracleRoutes } from "./oracle-routes";
import { apiVersions, type SandboxState } from "./sandbox-state";
import {
  deleteIngestJob,
  getIngestJob,
  getIngestResults,
  patchIngestJob,
  postIngestJob,
  putIngestBatches,
} from "./vendor-routes/bulk-ingest-routes";
import { deleteComposite } from "./vendor-routes/delete-composite";
import { getLimits, getVersions } from "./vendor-routes/get-limits";
import { getQuery, getQueryMore } from "./vendor-routes/get-query";
import { getSearch } from "./vendor-routes/get-search";
import { postToken } from "./vendor-routes/post-token";
import { postSObject } from "./vendor-routes/post-sobject";
import {
  deleteSObject,
  getDescribe,
  getDescribeGlobal,
  getSObject,
  getVersionData,
  patchSObject,
} from "./vendor-routes/sobject-routes";

type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * Salesforce's token endpoint and REST API (vendor-apis.md §1) and, under `/__sandbox`, the
 * oracle. A REST route is labelled `METHOD /services/data/:version/...` for stats and faults and
 * passes: call count, authentication, the daily allocation (Sforce-Limit-Info), faults, handler.
 */
export function createSandboxApp(state: SandboxState): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((_req, _res, next) => {
    state.store.expireRecycleBin(state.clock.now());
    next();
  });

  const json = express.json({ type: () => true });
  const csv = express.text({ type: () => true, limit: "100mb" });
  const restFaults = restFaultStyle(state);
  const rest = (method: Method, path: string, handler: RequestHandler<Record<string, string>>, body: RequestHandler = json) => {
    const label = `${method.toUpperCase()} /services/data/:version${path}`;
    app[method](`/services/data/:version${path}`, countCall(state.stats, label), authenticate(state), enforceApiAllocation(state), injectFaults(restFaults, label), body, handler);
  };

  const tokenLabel = "POST /services/oauth2/token";
  app.post("/services/oauth2/token", countCall(state.stats, tokenLabel), injectFaults(oauthFaultStyle(state), tokenLabel), express.urlencoded({ extended: false }), postToken(state));
  app.get("/services/data", getVersions(apiVersions));
  app.get("/services/data/", getVersions(apiVersions));

  rest("get", "/query", getQuery(state, false));
  rest("get", "/queryAll", getQuery(state, true));
  rest("get", "/query/:locator", getQueryMore(state));
  rest("get", "/queryAll/:locator", getQueryMore(state));
  rest("get", "/search", getSearch(state));
  rest("get", "/limits", getLimits(state));
  rest("get", "/sobjects", getDescribeGlobal());
  rest("get", "/sobjects/:type/describe", getDescribe());
  rest("get", "/sobjects/ContentVersion/:id/VersionData", getVersionData(state));
  rest("get", "/sobjects/:type/:id", getSObject(state));
  rest("post", "/sobjects/:type", postSObject(state));
  rest("patch", "/sobjects/:type/:id", patchSObject(state));
  rest("delete", "/sobjects/:type/:id", deleteSObject(state));
  rest("delete", "/composite/sobjects", deleteComposite(state));
  rest("post", "/jobs/ingest", postIngestJob(state));
  rest("put", "/jobs/ingest/:jobId/batches", putIngestBatches(state), csv);
  rest("patch", "/jobs/ingest/:jobId", patchIngestJob(state));
  rest("get", "/jobs/ingest/:jobId", getIngestJob(state));
  rest("delete", "/jobs/ingest/:jobId", deleteIngestJob(state));
  rest("get", "/jobs/ingest/:jobId/successfulResults", getIngestResults(state, "successfulResults"));
  rest("get", "/jobs/ingest/:jobId/failedResults", getIngestResults(state, "failedResults"));
  rest("get", "/jobs/ingest/:jobId/unprocessedrecords", getIngestResults(state, "unprocessedrecords"));

  app.use("/__sandbox", addSalesforceOracleRoutes(createOracleRouter(state), state));

  app.use((_req, res) => sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist"));
  app.use(answerUnexpectedErrors);
  return app;
}

const answerUnexpectedErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
  if (status >= 400 && status < 500) sendSalesforceError(res, 400, "JSON_PARSER_ERROR", "The request body could not be parsed.");
  else sendSalesforceError(res, 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: 0000000000-00000 (-0000000000)");
};
