import type { OracleFault } from "@lethe/connector-sdk";
import type { RequestHandler, Response } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendVendorError, vendorErrorCodeFor } from "./vendor-error";

/**
 * Applies the next fault armed for this route (POST /__sandbox/faults):
 * - `status`: answers that status with the vendor's error envelope (and `Retry-After` if given);
 * - `slow`: waits `delayMs`, then answers normally;
 * - `truncated`: a successful body cut in half, with a Content-Length that matches the cut body,
 *   so the client receives a complete HTTP response whose JSON (or file) is incomplete;
 * - `malformed`: a successful JSON body whose records miss `startTime` and carry a number where
 *   a string is documented (an empty search page gets `entities` that are not a list).
 * Error answers pass through `truncated` and `malformed` untouched: the fault is about content.
 */
export function injectFaults(state: SandboxState, routeLabel: string): RequestHandler {
  return (_req, res, next) => {
    const fault = state.faults.take(routeLabel);
    if (!fault) {
      next();
      return;
    }
    switch (fault.kind) {
      case "status":
        answerWithStatus(state, res, fault);
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

function answerWithStatus(state: SandboxState, res: Response, fault: Extract<OracleFault, { kind: "status" }>): void {
  if (fault.retryAfterSeconds !== undefined) res.set("Retry-After", String(fault.retryAfterSeconds));
  if (fault.status === 429) state.stats.throttle();
  sendVendorError(res, fault.status, vendorErrorCodeFor(fault.status), `Injected fault: ${fault.status}.`);
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
  if (!isObject(body)) return body;
  if (Array.isArray(body.entities)) {
    return body.entities.length > 0 ? { ...body, entities: body.entities.map(malformedRecord) } : { ...body, entities: "unavailable" };
  }
  return malformedRecord(body);
}

/* Keeps `id`, so that a client can say which record it could not read. */
function malformedRecord(record: unknown): unknown {
  if (!isObject(record)) return record;
  const { startTime: _dropped, ...rest } = record;
  const stringField = Object.keys(rest).find((key) => key !== "id" && typeof rest[key] === "string");
  return stringField ? { ...rest, [stringField]: 404 } : rest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
