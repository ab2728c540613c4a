import { apiRoutes, type ConsentGapReport } from "@lethe/contracts";
import { consentGapReport } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConsentEntry } from "../views/consent-view";

/** `GET /api/v1/consent/gaps`: who lacks consent on which call, per system and month. */
export function getConsentGaps(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const query = parseInput("query", apiRoutes.getConsentGaps.query, request.query);
    const report = await consentGapReport(context.db, {
      limit: query.limit,
      offset: query.offset,
      ...(query.instanceId ? { instanceId: query.instanceId } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
    });
    const body: ConsentGapReport = { summary: report.summary, entries: report.entries.map(toConsentEntry), total: report.total };
    response.json(body);
  };
}
