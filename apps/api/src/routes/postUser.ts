import { apiRoutes, type UserResponse } from "@lethe/contracts";
import { createUser, DuplicateUserError } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { hashPassword } from "../auth/password-hashing";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toUser } from "../views/user-view";

/** `POST /api/v1/users` */
export function postUser(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const body = parseInput("body", apiRoutes.postUser.body, request.body);
    const passwordHash = await hashPassword(body.password, context.passwordHashCost);
    const user = await createUser(context.db, { email: body.email, role: body.role, passwordHash, actor: caller.actor }).catch(
      (error: unknown) => {
        if (error instanceof DuplicateUserError) throw new ApiError(409, "conflict", error.message);
        throw error;
      },
    );
    const answer: UserResponse = { user: toUser(user) };
    response.status(201).json(answer);
  };
}
