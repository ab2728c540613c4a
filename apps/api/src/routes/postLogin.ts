import { apiRoutes, rolePermissions, type Me } from "@lethe/contracts";
import { findUserByEmail, forgetLoginFailures, signIn, takeLoginAttempt } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { loginKeys } from "../auth/login-throttle";
import { decoyPasswordHash, verifyPassword } from "../auth/password-hashing";
import { randomToken, tokenHash } from "../auth/secret-tokens";
import { setSessionCookie } from "../auth/session-cookie";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toUser } from "../views/user-view";

/** `POST /api/v1/auth/login` */
export function postLogin(context: ApiContext): RequestHandler {
  let decoy: Promise<string> | undefined;
  return async (request, response) => {
    const body = parseInput("body", apiRoutes.postLogin.body, request.body);
    const now = new Date();
    const keys = loginKeys(body.email, request.socket.remoteAddress ?? "unknown");
    // Counted before the (slow) password check, so parallel guesses cannot all get under the limit.
    const attempt = await takeLoginAttempt(context.db, keys, now);
    if (!attempt.allowed) {
      const seconds = Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 1000));
      response.set("Retry-After", String(seconds));
      throw new ApiError(429, "rate_limited", `too many failed sign-ins; try again in ${seconds} s`);
    }
    const user = await findUserByEmail(context.db.db, body.email);
    decoy ??= decoyPasswordHash(context.passwordHashCost);
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await decoy));
    if (!user || !matches || user.disabled) {
      throw new ApiError(401, "invalid_credentials", "the e-mail address or password is wrong");
    }
    await forgetLoginFailures(context.db, keys);
    const sessionId = randomToken();
    const updated =
      (await signIn(context.db, {
        userId: user.id,
        sessionIdHash: tokenHash(sessionId),
        expiresAt: new Date(now.getTime() + context.sessionTtlMs),
        now,
      })) ?? user;
    setSessionCookie(response, sessionId, { secure: context.secureCookies, maxAgeMs: context.sessionTtlMs });
    const view = toUser(updated);
    const me: Me = { principal: { kind: "session", user: view }, role: view.role, permissions: [...rolePermissions[view.role]] };
    response.json(me);
  };
}
