import { roleSchema } from "@lethe/contracts";
import { authenticateApiToken, authenticateSession } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { toUser } from "../views/user-view";
import { setCaller } from "./principal";
import { readSessionCookie } from "./session-cookie";
import { apiTokenPrefix, tokenHash } from "./secret-tokens";

/**
 * Works out who is calling: an `Authorization: Bearer lethe_…` API token, else the console's
 * session cookie. Does not refuse anyone (public routes run after it too); a credential that is
 * present but invalid is a 401 at once, so a client learns its token expired.
 */
export function authenticate(context: ApiContext): RequestHandler {
  return async (request, response, next) => {
    const now = new Date();
    const authorization = request.get("authorization");
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const token = match?.[1];
      if (!token || !token.startsWith(apiTokenPrefix)) {
        throw new ApiError(401, "unauthenticated", "the Authorization header must be 'Bearer lethe_…'");
      }
      const row = await authenticateApiToken(context.db, tokenHash(token), now);
      if (!row) throw new ApiError(401, "unauthenticated", "the API token is unknown, expired or revoked");
      const role = roleSchema.parse(row.role);
      setCaller(response, {
        principal: { kind: "token", token: { id: row.id, name: row.name, role } },
        role,
        actor: `api-token:${row.id}`,
      });
      return next();
    }
    const sessionId = readSessionCookie(request);
    if (sessionId) {
      const idHash = tokenHash(sessionId);
      const user = await authenticateSession(context.db, idHash, now);
      if (user) {
        const view = toUser(user);
        setCaller(response, {
          principal: { kind: "session", user: view },
          role: view.role,
          actor: `user:${user.id}`,
          sessionIdHash: idHash,
        });
      }
    }
    next();
  };
}
