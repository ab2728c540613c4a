import type { OracleFault } from "@lethe/connector-sdk";
import type { RequestHandler, Response } from "express";
import type { SandboxState } from "../sandbox-state";
import { errorCodeForStatus, sendOAuthError, sendSalesforceError } from "./salesforce-error";

/**
 * Applies the next fault armed for this route (`POST /__sandbox/faults`; route `*` is every vendor
 * route, the token endpoint included):
 * - `status`: that status with Salesforce's body for it (OAuth's on the token endpoint);
 * - `slow`: waits `delayMs`, then answers normally;
 * - `truncated`: a successful body cut in half (a complete HTTP response with incomplete JSON);
 * - `malformed`: a successful JSON body whose records lose `attributes` and get a number where a
 *   string is documented.
 */
export function injectFaults(state: SandboxState, routeLabel: string, body: "rest" | "oauth" = "rest"): RequestHandler {
  return (_req, res, next) => {
    const fault = state.faults.take(routeLabel);
    if (!fault) {
      next();
      return;
    }
    switch (fault.kind) {
      case "status":
        answerWithStatus(state, res, fault, body);
        return;
      case "slow":
        setTimeout(next, fault.delayMs);
        return;
      case "truncated":
        truncateBody(res);
        next();
        return;
      case "malformed":
        malformBody(res);
        next();
        return;
    }
  };
}

function answerWithStatus(state: SandboxState, res: Response, fault: Extract<OracleFault, { kind: "status" }>, body: "rest" | "oauth"): void {
  if (fault.retryAfterSeconds !== undefined) res.set("Retry-After", String(fault.retryAfterSeconds));
  if (fault.status === 429) state.stats.throttle();
  if (body === "oauth") sendOAuthError(res, fault.status, fault.status === 401 ? "invalid_client" : "server_error", `Injected fault: ${fault.status}.`);
  else sendSalesforceError(res, fault.status, errorCodeForStatus(fault.status), `Injected fault: ${fault.status}.`);
}

function truncateBody(res: Response): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (res.statusCode >= 300) return send(body);
    if (typeof body === "string") return send(body.slice(0, Math.floor(body.length / 2)));
    if (body instanceof Uint8Array) return send(Buffer.from(body.subarray(0, Math.floor(body.byteLength / 2))));
    return send(body);
  };
}

function malformBody(res: Response): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => json(res.statusCode >= 300 ? body : malformed(body));
}

function malformed(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(malformedRecord);
  if (!isObject(body)) return body;
  for (const key of ["records", "searchRecords", "fields"]) {
    const list = body[key];
    if (Array.isArray(list)) return list.length > 0 ? { ...body, [key]: list.map(malformedRecord) } : { ...body, [key]: "unavailable" };
  }
  return malformedRecord(body);
}

/* Keeps `Id`, so that a client can say which record it could not read. */
function malformedRecord(record: unknown): unknown {
  if (!isObject(record)) return record;
  const { attributes: _dropped, ...rest } = record;
  const stringField = Object.keys(rest).find((key) => key !== "Id" && typeof rest[key] === "string");
  return stringField ? { ...rest, [stringField]: 404 } : { ...rest, Id: 404 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
