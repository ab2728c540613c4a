import type { RequestHandler, Response } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import type { QueryCursor, SandboxState } from "../sandbox-state";
import { MalformedQuery } from "../soql/malformed-query";
import { runSoql } from "../soql/run-soql";
import { apiVersionOf } from "./api-version";

const maxBatch = 2_000;
const minBatch = 200;
/** Pages of records with long text areas are cut shorter (see FIDELITY.md). */
const longTextBatch = 200;

/**
 * `GET /query?q=` and `GET /queryAll?q=` (S1, S3): a QueryResult of at most 2,000 records, fewer
 * when `Sforce-Query-Options: batchSize=n` asks (200–2,000) or the records carry long text;
 * `nextRecordsUrl` only while `done` is false, and it says `/query/` for queryAll too.
 */
export function getQuery(state: SandboxState, all: boolean): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const q = req.query.q;
    if (typeof q !== "string" || q.trim() === "") {
      sendSalesforceError(res, 400, "MALFORMED_QUERY", "A query string has to be specified");
      return;
    }
    let result;
    try {
      result = runSoql(q, state.store, { all, apiVersion: version });
    } catch (error) {
      if (error instanceof MalformedQuery) return sendSalesforceError(res, 400, error.errorCode, error.message);
      throw error;
    }
    // SELECT COUNT(): the number of rows as totalSize, no records, one page (S1).
    if (result.count !== undefined) {
      res.status(200).json({ totalSize: result.count, done: true, records: [] });
      return;
    }
    const requested = Number(/batchSize=(\d+)/i.exec(req.get("sforce-query-options") ?? "")?.[1] ?? maxBatch);
    let pageSize = Math.min(maxBatch, Math.max(minBatch, Number.isFinite(requested) ? requested : maxBatch));
    if (result.selectsLongText) pageSize = Math.min(pageSize, longTextBatch);
    sendPage(state, res, { records: result.records, pageSize, apiVersion: version }, 0);
  };
}

/** `GET /query/{locator}-{offset}` (S2): the next page; an unknown locator is INVALID_QUERY_LOCATOR. */
export function getQueryMore(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const match = /^(01g[A-Za-z0-9]+)-(\d+)$/.exec(req.params.locator ?? "");
    const cursor = match?.[1] ? state.cursors.get(match[1]) : undefined;
    if (!match?.[1] || !cursor) {
      sendSalesforceError(res, 400, "INVALID_QUERY_LOCATOR", "invalid query locator");
      return;
    }
    sendPage(state, res, cursor, Number(match[2]), match[1]);
  };
}

function sendPage(state: SandboxState, res: Response, cursor: QueryCursor, offset: number, existingLocator?: string): void {
  const records = cursor.records.slice(offset, offset + cursor.pageSize);
  const next = offset + records.length;
  const done = next >= cursor.records.length;
  let nextRecordsUrl: string | undefined;
  if (!done) {
    const locator = existingLocator ?? `01g5g${String(state.nextSerial()).padStart(10, "0")}AAA`;
    state.cursors.set(locator, cursor);
    nextRecordsUrl = `/services/data/v${cursor.apiVersion}/query/${locator}-${next}`;
  }
  res.status(200).json({ totalSize: cursor.records.length, done, ...(nextRecordsUrl ? { nextRecordsUrl } : {}), records });
}
