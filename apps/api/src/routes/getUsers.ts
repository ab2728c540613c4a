import type { UserList } from "@lethe/contracts";
import { listUsers } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { toUser } from "../views/user-view";

/** `GET /api/v1/users` */
export function getUsers(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const body: UserList = { users: (await listUsers(context.db.db)).map(toUser) };
    response.json(body);
  };
}
