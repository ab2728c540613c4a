import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import { iso } from "../world/zendesk-store";

/*
 * `GET /api/v2/tickets/count` and `GET /api/v2/users/count` (vendor-apis.md §2.2, Z29):
 * `{ "count": { "value": n, "refreshed_at": "…" } }`. Zendesk counts live up to 100,000 and
 * refreshes larger counts once a day; the sandbox's accounts are small, so its counts are live.
 */

export function countAnswer(state: SandboxState, value: number) {
  return { count: { value, refreshed_at: iso(state.now()) } };
}

/** Active tickets: soft-deleted ones are counted by neither endpoint. */
export function getTicketsCount(state: SandboxState): RequestHandler {
  return (_req, res) => {
    res.status(200).json(countAnswer(state, state.store.tickets.size));
  };
}

/** Active users (soft-deleted users are `deleted_users`, with their own count). */
export function getUsersCount(state: SandboxState): RequestHandler {
  return (_req, res) => {
    res.status(200).json(countAnswer(state, state.store.activeUserCount()));
  };
}
