import { apiRoutes, type UserResponse } from "@lethe/contracts";
import { appendAudit, deleteUserSessions, updateUser } from "@lethe/db";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { hashPassword } from "../auth/password-hashing";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toUser } from "../views/user-view";

/** `PATCH /api/v1/users/:id`: disabling a user or changing their password ends their sessions. */
export function patchUser(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.patchUser.params, request.params);
    const body = parseInput("body", apiRoutes.patchUser.body, request.body);
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password, context.passwordHashCost);
    const user = await context.db.db.transaction(async (tx) => {
      const row = await updateUser(tx, id, {
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
      });
      if (!row) return null;
      if (body.disabled === true || passwordHash !== undefined) await deleteUserSessions(tx, id);
      await appendAudit(tx, {
        actor: caller.actor,
        action: "user.updated",
        payload: { userId: id, changed: Object.keys(body).filter((key) => key !== "password").concat(passwordHash ? ["password"] : []) },
      });
      return row;
    });
    if (!user) throw new ApiError(404, "not_found", `no user with id ${id}`);
    const answer: UserResponse = { user: toUser(user) };
    response.json(answer);
  };
}
