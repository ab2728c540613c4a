import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";

/** Every vendor request counts, refused ones too: stats show what clients sent. */
export function countCall(state: SandboxState, routeLabel: string): RequestHandler {
  return (_req, _res, next) => {
    state.stats.call(routeLabel);
    next();
  };
}
