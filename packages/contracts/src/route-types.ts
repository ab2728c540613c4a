import type { z } from "zod";
import type { Permission } from "./auth";

/**
 * Who may call a route: anyone (`public`), any signed-in caller (`authenticated`), the holder of a
 * signed download link (`signed-link`, the link is the authorisation), or callers whose role
 * grants a permission.
 */
export type RouteAccess = "public" | "authenticated" | "signed-link" | Permission;

export type HttpMethod = "get" | "post" | "patch" | "delete";

export interface ApiRoute {
  method: HttpMethod;
  /** Under `/api/v1`, Express style (`/requests/:id`). */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  success: {
    status: 200 | 201 | 204;
    description: string;
    schema?: z.ZodType;
    /** Default `application/json`. */
    contentType?: string;
  };
}

