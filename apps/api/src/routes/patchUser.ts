import { apiRoutes, type UserResponse } from "@lethe/contracts";
import { changeUser } from "@lethe/runtime";
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
    const user = await changeUser(context.db, {
      userId: id,
      role: body.role,
      disabled: body.disabled,
      passwordHash,
      actor: caller.actor,
    });
    if (!user) throw new ApiError(404, "not_found", `no user with id ${id}`);
    const answer: UserResponse = { user: toUser(user) };
    response.json(answer);
  };
}
