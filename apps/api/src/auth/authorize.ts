import { roleAllows, type RouteAccess } from "@lethe/contracts";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { findCaller } from "./principal";

/** Refuses a caller the route's access rule does not admit: 401 when anonymous, 403 when the role lacks the permission. */
export function authorize(access: RouteAccess): RequestHandler {
  return (_request, response, next) => {
    if (access === "public" || access === "signed-link") return next();
    const caller = findCaller(response);
    if (!caller) return next(new ApiError(401, "unauthenticated", "sign in or send an API token"));
    if (access === "authenticated" || roleAllows(caller.role, access)) return next();
    next(new ApiError(403, "forbidden", `the ${caller.role} role may not do this (needs ${access})`));
  };
}
