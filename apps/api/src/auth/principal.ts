import type { Principal, Role } from "@lethe/contracts";
import type { Response } from "express";
import { ApiError } from "../api-error";

/** The authenticated caller of one HTTP request. */
export interface Caller {
  principal: Principal;
  role: Role;
  /** Written to histories and the audit log: `user:<id>` or `api-token:<id>`. */
  actor: string;
  /** The session's hashed id, when signed in through the console. */
  sessionIdHash?: string;
}

interface CallerLocals {
  caller?: Caller;
}

export function setCaller(response: Response, caller: Caller): void {
  (response.locals as CallerLocals).caller = caller;
}

export function findCaller(response: Response): Caller | undefined {
  return (response.locals as CallerLocals).caller;
}

/** The caller of a route that requires authentication (the access middleware ran first). */
export function callerOf(response: Response): Caller {
  const caller = findCaller(response);
  if (!caller) throw new ApiError(401, "unauthenticated", "sign in or send an API token");
  return caller;
}
