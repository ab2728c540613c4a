import type { OracleFault } from "@lethe/connector-sdk";
import type { RequestHandler, Response } from "express";
import type { SandboxState } from "../sandbox-state";
import { sendStatus } from "./zendesk-error";

/**
 * Applies the next fault armed for this route (POST /__sandbox/faults), after authentication and
 * the rate limit:
 * - `status`: that status with Zendesk's body for it (and `Retry-After` if given);
 * - `slow`: waits `delayMs`, then answers normally;
 * - `truncated`: a successful body cut in half, with a matching Content-Length;
 * - `malformed`: every record in a successful body loses `created_at` and gets a number where a
 *   string is documented (ids kept); an empty list becomes a string.
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
  if (fault.status === 429) state.stats.throttle();
  sendStatus(res, fault.status, fault.retryAfterSeconds);
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
  res.json = (body?: unknown) => json(res.statusCode >= 300 || !isObject(body) ? body : malformed(body));
}

function malformed(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[key] = value.length > 0 ? value.map(malformedRecord) : "unavailable";
    else if (isObject(value) && "id" in value) out[key] = malformedRecord(value);
    else out[key] = value;
  }
  return out;
}

function malformedRecord(record: unknown): unknown {
  if (!isObject(record)) return record;
  const { created_at: _dropped, ...rest } = record;
  const field = Object.keys(rest).find((key) => key !== "id" && key !== "url" && typeof rest[key] === "string");
  return field ? { ...rest, [field]: 404 } : rest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
