import type { Request, RequestHandler } from "express";
import { baseUrlOf, sendList } from "../http/pagination";
import { sendNotFound } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { userJson } from "../world/json-shapes";
import type { StoredUser } from "../world/zendesk-store";

type IdParams = { id: string };

export function renderUser(state: SandboxState, req: Request, user: StoredUser) {
  return userJson(baseUrlOf(req), user.row, state.store.identitiesOf(user.row.id), user.active);
}

/** `GET /api/v2/users/me`: the authenticated user (the account owner for any of its tokens). */
export function getMe(state: SandboxState): RequestHandler {
  return (req, res) => {
    const owner = [...state.store.users.values()].find((user) => user.row.role === "admin");
    if (!owner) return sendNotFound(res);
    res.status(200).json({ user: renderUser(state, req, owner) });
  };
}

/** `GET /api/v2/users`: every user, cursor or offset pages. */
export function getUsers(state: SandboxState): RequestHandler {
  return (req, res) => {
    sendList(req, res, "users", [...state.store.users.values()], (user) => renderUser(state, req, user));
  };
}

/** `GET /api/v2/users/:id` (Z5): soft-deleted users are still shown, with `active: false`. */
export function getUser(state: SandboxState): RequestHandler<IdParams> {
  return (req, res) => {
    const user = state.store.users.get(Number(req.params.id));
    if (!user) return sendNotFound(res);
    res.status(200).json({ user: renderUser(state, req, user) });
  };
}

/** `DELETE /api/v2/users/:id` (Z22): soft delete → `200 {"user": {…, "active": false}}`. */
export function deleteUser(state: SandboxState): RequestHandler<IdParams> {
  return (req, res) => {
    const user = state.store.softDeleteUser(Number(req.params.id), state.now());
    if (!user) return sendNotFound(res);
    res.status(200).json({ user: renderUser(state, req, user) });
  };
}
