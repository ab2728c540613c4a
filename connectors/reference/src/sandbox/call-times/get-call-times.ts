import type { RequestHandler } from "express";
import type { CallTimes } from "./call-times";

/**
 * `GET /__sandbox/call-times`: `{ times, dropped }`, the arrival time (epoch ms, sandbox clock)
 * of every vendor call since start or the last reset, refused and throttled calls included.
 */
export function getCallTimes(callTimes: CallTimes): RequestHandler {
  return (_req, res) => {
    res.json(callTimes.snapshot());
  };
}
