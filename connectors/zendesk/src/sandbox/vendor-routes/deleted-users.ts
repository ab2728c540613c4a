import type { Request, RequestHandler } from "express";
import { baseUrlOf, sendList } from "../http/pagination";
import { sendNotFound, sendRecordInvalid } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import type { PurgedUser, StoredUser } from "../world/zendesk-store";

/*
 * The deleted-users store (Z23/Z24, §2.8 trap 4). It lists soft-deleted users and permanently
 * deleted ones alike; the latter keep their name, e-mail and phone until Zendesk scrubs them a
 * little later ("Permanently Deleted User", nulls).
 */

type Entry = { kind: "soft"; user: StoredUser } | { kind: "purged"; user: PurgedUser };

function entries(state: SandboxState): Entry[] {
  const soft = [...state.store.users.values()].filter((user) => !user.active).map((user): Entry => ({ kind: "soft", user }));
  const purged = [...state.store.purgedUsers.values()].map((user): Entry => ({ kind: "purged", user }));
  return [...soft, ...purged].sort((a, b) => a.user.row.id - b.user.row.id);
}

function deletedUserJson(state: SandboxState, req: Request, entry: Entry) {
  const { row } = entry.user;
  const identities = entry.kind === "soft" ? state.store.identitiesOf(row.id) : [];
  const scrubbed = entry.kind === "purged" && entry.user.scrubbed;
  return {
    id: row.id,
    url: `${baseUrlOf(req)}/api/v2/deleted_users/${row.id}.json`,
    name: scrubbed ? "Permanently Deleted User" : row.name,
    email: entry.kind === "purged" ? entry.user.email : (identities.find((i) => i.type === "email" && i.primary)?.value ?? null),
    phone: entry.kind === "purged" ? entry.user.phone : (identities.find((i) => i.type === "phone_number")?.value ?? null),
    active: false,
    role: row.role,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** `GET /api/v2/deleted_users`. */
export function getDeletedUsers(state: SandboxState): RequestHandler {
  return (req, res) => sendList(req, res, "deleted_users", entries(state), (entry) => deletedUserJson(state, req, entry));
}

/** `GET /api/v2/deleted_users/:id`. */
export function getDeletedUser(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const entry = entries(state).find((e) => e.user.row.id === Number(req.params.id));
    if (!entry) return sendNotFound(res);
    res.status(200).json({ deleted_user: deletedUserJson(state, req, entry) });
  };
}

/**
 * `DELETE /api/v2/deleted_users/:id` (Z23): permanent deletion. "Before permanently deleting a user,
 * you must delete the user first": an active user → 422; unknown or already permanently deleted → 404.
 */
export function deleteDeletedUser(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const id = Number(req.params.id);
    const result = state.store.purgeUser(id, state.now());
    if (result === "absent") return sendNotFound(res);
    if (result === "active") return sendRecordInvalid(res, "base", "Before permanently deleting a user, you must delete the user first", "UserNotDeleted");
    state.stats.purged("user", String(id));
    res.status(200).json({ deleted_user: deletedUserJson(state, req, { kind: "purged", user: result }) });
  };
}
