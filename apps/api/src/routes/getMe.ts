import { rolePermissions, type Me } from "@lethe/contracts";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";

/** `GET /api/v1/auth/me` */
export function getMe(): RequestHandler {
  return (_request, response) => {
    const caller = callerOf(response);
    const me: Me = { principal: caller.principal, role: caller.role, permissions: [...rolePermissions[caller.role]] };
    response.json(me);
  };
}
