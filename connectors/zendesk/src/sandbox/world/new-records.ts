import { z } from "zod";
import type { RecordErrors } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import type { IdentityRow, TicketRow, UserRow } from "./rows";
import type { NewIdentity } from "./zendesk-store";

/*
 * Creating users, identities and tickets as Zendesk's create endpoints do (FIDELITY.md, "Creating
 * data"): the request shapes of POST /users, /users/{id}/identities and /tickets (and their
 * create_many forms), validated field by field into Zendesk's `details`, then written to the
 * store and made known to the oracle. Routes and `--world` fixture files share this code.
 */

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const identityInput = z.looseObject({
  type: z.string(),
  value: z.string(),
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
});

export const userInput = z.looseObject({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  role: z.string().optional(),
  verified: z.boolean().optional(),
  identities: z.array(identityInput).optional(),
});

const commentInput = z.looseObject({
  body: z.string().optional(),
  html_body: z.string().optional(),
  public: z.boolean().optional(),
  author_id: z.number().int().optional(),
});

const ccInput = z.looseObject({ user_id: z.number().int().optional(), user_email: z.string().optional(), user_name: z.string().optional() });

export const ticketInput = z.looseObject({
  subject: z.string().optional(),
  comment: commentInput.optional(),
  status: z.string().optional(),
  requester_id: z.number().int().optional(),
  requester: z.looseObject({ name: z.string().optional(), email: z.string().optional() }).optional(),
  submitter_id: z.number().int().optional(),
  assignee_id: z.number().int().nullable().optional(),
  email_cc_ids: z.array(z.number().int()).optional(),
  email_ccs: z.array(ccInput).optional(),
  collaborator_ids: z.array(z.number().int()).optional(),
  follower_ids: z.array(z.number().int()).optional(),
});

export type UserInput = z.output<typeof userInput>;
export type IdentityInput = z.output<typeof identityInput>;
export type TicketInput = z.output<typeof ticketInput>;

type Created<T> = { created: T } | { errors: RecordErrors };

const roles = ["end-user", "agent", "admin"] as const;
const statuses = ["new", "open", "pending", "hold", "solved", "closed"] as const;

/** `+1 (201) 555-0123` → `+12015550123`: the account stores phone identities in E.164 (⚠ FIDELITY.md). */
export function phoneValue(raw: string): string | undefined {
  const compact = raw.replace(/[\s().-]/g, "");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

function checkIdentity(state: SandboxState, input: IdentityInput, field: string, errors: RecordErrors, pending: NewIdentity[]): NewIdentity | undefined {
  const add = (description: string, error: string) => (errors[field] ??= []).push({ description, error });
  if (input.type !== "email" && input.type !== "phone_number") {
    add(`Type: ${input.type} is not a supported identity type`, "InvalidValue");
    return undefined;
  }
  const value = input.type === "email" ? input.value.trim() : phoneValue(input.value);
  if (value === undefined || (input.type === "email" && !emailPattern.test(value))) {
    add(`${input.type === "email" ? "Email" : "Phone"}: ${input.value} is not properly formatted`, "InvalidFormat");
    return undefined;
  }
  const taken = state.store.identityOwner(input.type, value) !== undefined || pending.some((p) => p.type === input.type && sameValue(p.type, p.value, value));
  // Zendesk lets several users share a phone number (a household); an e-mail address belongs to one user.
  if (input.type === "email" && taken) {
    add(`Email: ${value} is already being used by another user`, "DuplicateValue");
    return undefined;
  }
  return { type: input.type, value, ...(input.verified !== undefined ? { verified: input.verified } : {}), ...(input.primary !== undefined ? { primary: input.primary } : {}) };
}

function sameValue(type: string, a: string, b: string): boolean {
  return type === "email" ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** `POST /users` `{user}`: `name` required; `email`, `phone` and `identities` become identities. */
export function createUser(state: SandboxState, input: UserInput): Created<UserRow> {
  const errors: RecordErrors = {};
  const name = input.name?.trim() ?? "";
  if (name === "") errors.name = [{ description: "Name:  is too short (minimum is 1 character)", error: "BlankValue" }];
  const role = input.role ?? "end-user";
  if (!roles.includes(role as (typeof roles)[number])) errors.role = [{ description: `Role: ${role} is not a valid role`, error: "InvalidValue" }];
  const identities: NewIdentity[] = [];
  const requested: [IdentityInput, string][] = [
    ...(input.email !== undefined ? [[{ type: "email", value: input.email }, "email"] as [IdentityInput, string]] : []),
    ...(input.phone !== undefined ? [[{ type: "phone_number", value: input.phone }, "phone"] as [IdentityInput, string]] : []),
    ...(input.identities ?? []).map((identity): [IdentityInput, string] => [identity, "identities"]),
  ];
  for (const [identity, field] of requested) {
    const checked = checkIdentity(state, identity, field, errors, identities);
    if (checked) identities.push({ ...checked, verified: checked.verified ?? input.verified });
  }
  if (Object.keys(errors).length > 0) return { errors };
  const user = state.store.createUser({ name, role: role as UserRow["role"] }, identities, state.now());
  state.accountPeople.userCreated(user, state.store.identitiesOf(user.id));
  return { created: user };
}

/** `POST /users/{id}/identities` `{identity}`. */
export function createIdentity(state: SandboxState, userId: number, input: IdentityInput): Created<IdentityRow> {
  const errors: RecordErrors = {};
  const checked = checkIdentity(state, input, input.type === "email" || input.type === "phone_number" ? "value" : "type", errors, []);
  const user = state.store.users.get(userId);
  if (!checked || !user) return { errors };
  const identity = state.store.createIdentity(userId, checked, state.now());
  state.accountPeople.identityCreated(user.row, identity);
  return { created: identity };
}

/**
 * `POST /tickets` `{ticket}`: the first comment (`comment.body` or `comment.html_body`) is required;
 * the requester is `requester_id`, or `requester: {email, name}` (an unknown address creates the
 * end user, as Zendesk does), or else the authenticated agent. CCs by id or by e-mail.
 */
export function createTicket(state: SandboxState, input: TicketInput, authenticatedUserId: number): Created<TicketRow> {
  const errors: RecordErrors = {};
  const add = (field: string, description: string, error = "InvalidValue") => (errors[field] ??= []).push({ description, error });
  const body = input.comment?.body ?? (input.comment?.html_body !== undefined ? stripTags(input.comment.html_body) : "");
  if (body.trim() === "") add("base", "Description: cannot be blank", "BlankValue");
  const status = input.status ?? "new";
  if (!statuses.includes(status as (typeof statuses)[number])) add("status", `Status: ${status} is not a valid status`);
  const knownUser = (id: number | null | undefined, field: string) => {
    if (id === undefined || id === null || state.store.users.has(id)) return;
    add(field, `${field === "requester_id" ? "Requester" : field === "assignee_id" ? "Assignee" : "User"}: ${id} is invalid`);
  };
  knownUser(input.requester_id, "requester_id");
  knownUser(input.submitter_id, "submitter_id");
  knownUser(input.assignee_id, "assignee_id");
  knownUser(input.comment?.author_id, "author_id");
  for (const id of [...(input.email_cc_ids ?? []), ...(input.collaborator_ids ?? []), ...(input.follower_ids ?? [])]) knownUser(id, "collaborators");
  const requesterEmail = input.requester?.email?.trim();
  if (input.requester_id === undefined && input.requester !== undefined && (requesterEmail === undefined || !emailPattern.test(requesterEmail))) {
    add("requester", `Requester: ${input.requester.email ?? ""} is not properly formatted`, "InvalidFormat");
  }
  for (const cc of input.email_ccs ?? []) {
    if (cc.user_id !== undefined) knownUser(cc.user_id, "email_ccs");
    else if (cc.user_email === undefined || !emailPattern.test(cc.user_email)) add("email_ccs", `Email CC: ${cc.user_email ?? ""} is not properly formatted`, "InvalidFormat");
  }
  if (Object.keys(errors).length > 0) return { errors };

  const userFor = (email: string, name: string | undefined): number => {
    const owner = state.store.identityOwner("email", email);
    if (owner !== undefined) return owner;
    const made = createUser(state, { name: name ?? email.split("@")[0] ?? email, email });
    return "created" in made ? made.created.id : authenticatedUserId;
  };
  const requesterId = input.requester_id ?? (requesterEmail !== undefined ? userFor(requesterEmail, input.requester?.name) : authenticatedUserId);
  const ccIds = [
    ...(input.email_cc_ids ?? []),
    ...(input.collaborator_ids ?? []),
    ...(input.email_ccs ?? []).map((cc) => cc.user_id ?? userFor(cc.user_email ?? "", cc.user_name)),
  ];
  const submitterId = input.submitter_id ?? (input.requester_id !== undefined || requesterEmail !== undefined ? requesterId : authenticatedUserId);
  const ticket = state.store.createTicket(
    {
      subject: input.subject ?? body.slice(0, 60),
      status: status as TicketRow["status"],
      requester_id: requesterId,
      submitter_id: submitterId,
      assignee_id: input.assignee_id ?? null,
      email_cc_ids: [...new Set(ccIds)],
      follower_ids: [...new Set(input.follower_ids ?? [])],
    },
    { author_id: input.comment?.author_id ?? submitterId, body, public: input.comment?.public ?? true },
    state.now(),
  );
  return { created: ticket };
}

function stripTags(html: string): string {
  return html.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}
