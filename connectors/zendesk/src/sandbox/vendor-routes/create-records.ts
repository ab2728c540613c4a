import type { RequestHandler, Response } from "express";
import { z } from "zod";
import { baseUrlOf } from "../http/pagination";
import { sendNotFound, sendRecordErrors } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { jobStatusJson } from "../world/job-queue";
import { identityJson } from "../world/json-shapes";
import { createIdentity, createTicket, createUser, identityInput, ticketInput, userInput } from "../world/new-records";
import { renderTicket } from "./tickets";
import { renderUser } from "./users";

/*
 * Zendesk's create endpoints (FIDELITY.md, "Creating data"): one record → 201 with the record and
 * a `Location` header; many (1–100) → 200 with a `job_status` whose job creates them when it
 * completes and lists one result per item, in request order.
 */

/** The most records one create_many call takes. */
export const createManyLimit = 100;

const oneUser = z.object({ user: userInput });
const manyUsers = z.object({ users: z.array(userInput) });
const oneIdentity = z.object({ identity: identityInput });
const oneTicket = z.object({ ticket: ticketInput });
const manyTickets = z.object({ tickets: z.array(ticketInput) });

/** The account owner: who an API token or OAuth token acts as here. */
function actingUserId(state: SandboxState): number {
  for (const user of state.store.users.values()) if (user.active && user.row.role === "admin") return user.row.id;
  return 0;
}

function sendUnreadable(res: Response, what: string): void {
  res.status(400).json({ error: "InvalidValue", description: `The request body must hold ${what}` });
}

/** `POST /api/v2/users` `{user}` → 201 `{user}`; 422 `RecordInvalid` with every bad field. */
export function postUser(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = oneUser.safeParse(req.body);
    if (!parsed.success) return sendUnreadable(res, "a user object");
    const made = createUser(state, parsed.data.user);
    if ("errors" in made) return sendRecordErrors(res, made.errors);
    const stored = state.store.users.get(made.created.id);
    if (!stored) return sendNotFound(res);
    res.status(201).location(`${baseUrlOf(req)}/api/v2/users/${made.created.id}.json`).json({ user: renderUser(state, req, stored) });
  };
}

/** `POST /api/v2/users/:id/identities` `{identity}` → 201 `{identity}`; 404 for an unknown user. */
export function postIdentity(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const userId = Number(req.params.id);
    if (!state.store.users.get(userId)?.active) return sendNotFound(res);
    const parsed = oneIdentity.safeParse(req.body);
    if (!parsed.success) return sendUnreadable(res, "an identity object with type and value");
    const made = createIdentity(state, userId, parsed.data.identity);
    if ("errors" in made) return sendRecordErrors(res, made.errors);
    res
      .status(201)
      .location(`${baseUrlOf(req)}/api/v2/users/${userId}/identities/${made.created.id}.json`)
      .json({ identity: identityJson(baseUrlOf(req), made.created) });
  };
}

/** `POST /api/v2/tickets` `{ticket}` → 201 `{ticket, audit}`. */
export function postTicket(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = oneTicket.safeParse(req.body);
    if (!parsed.success) return sendUnreadable(res, "a ticket object");
    const made = createTicket(state, parsed.data.ticket, actingUserId(state));
    if ("errors" in made) return sendRecordErrors(res, made.errors);
    const ticket = made.created;
    res
      .status(201)
      .location(`${baseUrlOf(req)}/api/v2/tickets/${ticket.id}.json`)
      .json({ ticket: renderTicket(state, req, ticket), audit: { id: ticket.id * 1000 + 1, ticket_id: ticket.id, created_at: ticket.created_at } });
  };
}

/**
 * `POST /api/v2/users/create_many` `{users: [1–100]}` → 200 `{job_status}`. When the job completes,
 * `results` holds `{id, status: "Created", email}` per user, or `{index, status: "Failed", error,
 * details}` for one that failed validation.
 */
export function postUsersCreateMany(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = manyUsers.safeParse(req.body);
    if (!parsed.success) return sendUnreadable(res, "a users array");
    const users = parsed.data.users;
    if (!withinLimit(res, users.length, "users")) return;
    const job = state.store.jobs.enqueue(
      "create_many_users",
      state.now(),
      () =>
        users.map((input, index) => {
          const made = createUser(state, input);
          if ("errors" in made) return { index, status: "Failed", error: "UserCreateError", details: describe(made.errors) };
          const email = state.store.identitiesOf(made.created.id).find((i) => i.type === "email" && i.primary)?.value ?? null;
          return { id: made.created.id, status: "Created", email };
        }),
      users.length,
    );
    res.status(200).json({ job_status: jobStatusJson(baseUrlOf(req), job) });
  };
}

/**
 * `POST /api/v2/tickets/create_many` `{tickets: [1–100]}` → 200 `{job_status}`; `results` holds
 * `{index, id}` per created ticket, `{index, error, details}` per ticket that failed validation.
 */
export function postTicketsCreateMany(state: SandboxState): RequestHandler {
  return (req, res) => {
    const parsed = manyTickets.safeParse(req.body);
    if (!parsed.success) return sendUnreadable(res, "a tickets array");
    const tickets = parsed.data.tickets;
    if (!withinLimit(res, tickets.length, "tickets")) return;
    const actor = actingUserId(state);
    const job = state.store.jobs.enqueue(
      "create_many_tickets",
      state.now(),
      () =>
        tickets.map((input, index) => {
          const made = createTicket(state, input, actor);
          return "errors" in made ? { index, error: "TicketCreateError", details: describe(made.errors) } : { index, id: made.created.id };
        }),
      tickets.length,
    );
    res.status(200).json({ job_status: jobStatusJson(baseUrlOf(req), job) });
  };
}

function withinLimit(res: Response, count: number, what: string): boolean {
  if (count >= 1 && count <= createManyLimit) return true;
  res.status(400).json({ error: "InvalidValue", description: `${what} must hold 1 to ${createManyLimit} items` });
  return false;
}

function describe(errors: Record<string, { description: string }[]>): string {
  return Object.values(errors)
    .flat()
    .map((e) => e.description)
    .join("; ");
}
