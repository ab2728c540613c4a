import { JobQueue, type Job } from "./job-queue";
import type { CommentRow, IdentityRow, SeededWorld, TicketRow, UserRow } from "./rows";

/** vendor-apis.md §2.3: soft-deleted tickets are scrubbed automatically after about 30 days. */
export const deletedTicketRetentionMs = 30 * 24 * 60 * 60 * 1000;
/** The delay before a permanently deleted user is renamed "Permanently Deleted User" (§2.8 trap 4). */
export const defaultScrubDelayMs = 30_000;

export interface NewIdentity {
  type: IdentityRow["type"];
  value: string;
  verified?: boolean;
  primary?: boolean;
}

export interface StoredUser {
  row: UserRow;
  /** false once soft-deleted (DELETE /users/:id); the user is then also listed in deleted_users. */
  active: boolean;
}

/** A user permanently deleted: in `deleted_users` only, its data nulled once `scrubAt` passes. */
export interface PurgedUser {
  row: UserRow;
  email: string | null;
  phone: string | null;
  scrubAt: number;
  scrubbed: boolean;
}

export interface DeletedTicket {
  row: TicketRow;
  deletedAt: number;
  /** Set while a permanent deletion job is queued or working. */
  purgeJob?: string;
}

/**
 * The account's data: users and identities, the deleted-users store, tickets and their comments,
 * the deleted-tickets store, and background jobs. Only completed jobs, the scrub of permanently
 * deleted users and the 30-day expiry remove data for good.
 */
export class ZendeskStore {
  readonly users = new Map<number, StoredUser>();
  readonly identities = new Map<number, IdentityRow>();
  readonly purgedUsers = new Map<number, PurgedUser>();
  readonly tickets = new Map<number, TicketRow>();
  readonly deletedTickets = new Map<number, DeletedTicket>();
  readonly comments = new Map<number, CommentRow[]>();
  readonly jobs = new JobQueue();
  /**
   * How many of the next comment redactions answer 200 and change nothing (the oracle's
   * `POST /__sandbox/redactions {ignoreNext}` fault): success reported, the text kept.
   */
  redactionsToIgnore = 0;
  /** Ids for rows created through the API: after the highest seeded one, never reused. */
  private readonly nextIds: { user: number; identity: number; ticket: number };

  constructor(
    world: SeededWorld,
    private readonly scrubDelayMs = defaultScrubDelayMs,
  ) {
    for (const row of world.users) this.users.set(row.id, { row: { ...row }, active: true });
    for (const row of world.identities) this.identities.set(row.id, { ...row });
    for (const row of world.tickets) this.tickets.set(row.id, { ...row, email_cc_ids: [...row.email_cc_ids], follower_ids: [...row.follower_ids] });
    for (const row of world.comments) {
      const copy = { ...row, attachments: row.attachments.map((a) => ({ ...a })) };
      this.comments.set(row.ticket_id, [...(this.comments.get(row.ticket_id) ?? []), copy]);
    }
    const after = (ids: number[], floor: number) => Math.max(floor, ...ids) + 1;
    this.nextIds = {
      user: after(world.users.map((u) => u.id), 36_100_000_000),
      identity: after(world.identities.map((i) => i.id), 77_930_000_000),
      ticket: after(world.tickets.map((t) => t.id), 1_000),
    };
  }

  /** Users not deleted: what `GET /api/v2/users/count` counts. */
  activeUserCount(): number {
    let count = 0;
    for (const user of this.users.values()) if (user.active) count++;
    return count;
  }

  /** A user created through the API, with its identities (the first e-mail primary). */
  createUser(fields: { name: string; role: UserRow["role"] }, identities: NewIdentity[], now: number): UserRow {
    const created = iso(now);
    const row: UserRow = { id: this.nextIds.user++, name: fields.name, role: fields.role, created_at: created, updated_at: created };
    this.users.set(row.id, { row, active: true });
    for (const identity of identities) this.createIdentity(row.id, identity, now);
    return row;
  }

  /** An identity added to a user; the first e-mail identity of a user without one becomes primary. */
  createIdentity(userId: number, identity: NewIdentity, now: number): IdentityRow {
    const hasPrimary = this.identitiesOf(userId).some((i) => i.type === "email" && i.primary);
    const row: IdentityRow = {
      id: this.nextIds.identity++,
      user_id: userId,
      type: identity.type,
      value: identity.value,
      verified: identity.verified ?? false,
      primary: identity.type === "email" && (identity.primary === true || !hasPrimary),
      created_at: iso(now),
    };
    if (row.primary) for (const other of this.identitiesOf(userId)) if (other.type === "email") other.primary = false;
    this.identities.set(row.id, row);
    return row;
  }

  /** The user holding this identity value (e-mail compared case-insensitively), if any. */
  identityOwner(type: IdentityRow["type"], value: string): number | undefined {
    const wanted = type === "email" ? value.toLowerCase() : value;
    for (const identity of this.identities.values()) {
      if (identity.type === type && (type === "email" ? identity.value.toLowerCase() : identity.value) === wanted) return identity.user_id;
    }
    return undefined;
  }

  /** A ticket created through the API, with its first comment (the description). */
  createTicket(fields: Omit<TicketRow, "id" | "created_at" | "updated_at">, description: { author_id: number; body: string; public: boolean }, now: number): TicketRow {
    const created = iso(now);
    const row: TicketRow = { ...fields, id: this.nextIds.ticket++, created_at: created, updated_at: created };
    this.tickets.set(row.id, row);
    this.addComment(row.id, { ...description, created_at: created });
    return row;
  }

  identitiesOf(userId: number): IdentityRow[] {
    return [...this.identities.values()].filter((identity) => identity.user_id === userId);
  }

  commentsOf(ticketId: number): CommentRow[] {
    return this.comments.get(ticketId) ?? [];
  }

  /** A comment added through a ticket update; its id follows the highest one in the account. */
  addComment(ticketId: number, comment: Omit<CommentRow, "id" | "ticket_id" | "attachments">): CommentRow {
    const highest = Math.max(0, ...[...this.comments.values()].flat().map((c) => c.id));
    const row: CommentRow = { ...comment, id: highest + 1, ticket_id: ticketId, attachments: [] };
    this.comments.set(ticketId, [...this.commentsOf(ticketId), row]);
    return row;
  }

  /** The ticket wherever it is (active or soft-deleted), or undefined once purged. */
  anyTicket(ticketId: number): TicketRow | undefined {
    return this.tickets.get(ticketId) ?? this.deletedTickets.get(ticketId)?.row;
  }

  softDeleteUser(userId: number, now: number): StoredUser | undefined {
    const user = this.users.get(userId);
    if (!user?.active) return undefined;
    user.active = false;
    user.row.updated_at = iso(now);
    return user;
  }

  /** `deleted_users/:id` DELETE: 'inactive' when the user was never soft-deleted. */
  purgeUser(userId: number, now: number): PurgedUser | "absent" | "active" {
    const user = this.users.get(userId);
    if (!user) return "absent";
    if (user.active) return "active";
    const identities = this.identitiesOf(userId);
    const purged: PurgedUser = {
      row: user.row,
      email: identities.find((i) => i.type === "email" && i.primary)?.value ?? null,
      phone: identities.find((i) => i.type === "phone_number")?.value ?? null,
      scrubAt: now + this.scrubDelayMs,
      scrubbed: false,
    };
    this.users.delete(userId);
    for (const identity of identities) this.identities.delete(identity.id);
    this.purgedUsers.set(userId, purged);
    return purged;
  }

  deleteIdentity(userId: number, identityId: number): IdentityRow | undefined {
    const identity = this.identities.get(identityId);
    if (!identity || identity.user_id !== userId) return undefined;
    this.identities.delete(identityId);
    return identity;
  }

  softDeleteTicket(ticketId: number, now: number): boolean {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) return false;
    this.tickets.delete(ticketId);
    this.deletedTickets.set(ticketId, { row: ticket, deletedAt: now });
    return true;
  }

  /** Queues the permanent deletion of a soft-deleted ticket; undefined when there is none. */
  purgeTicket(ticketId: number, now: number, onPurged: () => void): Job | undefined {
    const deleted = this.deletedTickets.get(ticketId);
    if (!deleted) return undefined;
    const job = this.jobs.enqueue("ticket_deletion", now, () => {
      // A second job for the same ticket finds it gone: that is not another deletion.
      if (!this.deletedTickets.has(ticketId)) return;
      this.removeTicket(ticketId);
      onPurged();
    });
    deleted.purgeJob = job.id;
    return job;
  }

  /** Queues the soft deletion of several active tickets in one job; undefined if none is active. */
  softDeleteTickets(ticketIds: number[], now: number): Job | undefined {
    const present = ticketIds.filter((id) => this.tickets.has(id));
    if (present.length === 0) return undefined;
    return this.jobs.enqueue("bulk_delete", now, () => {
      for (const id of present) this.softDeleteTicket(id, now);
    });
  }

  /** Queues the permanent deletion of several soft-deleted tickets in one job; undefined if none is. */
  purgeTickets(ticketIds: number[], now: number, onPurged: (ticketId: number) => void): Job | undefined {
    const present = ticketIds.filter((id) => this.deletedTickets.has(id));
    if (present.length === 0) return undefined;
    const job = this.jobs.enqueue("bulk_delete", now, () => {
      for (const id of present) {
        if (!this.deletedTickets.has(id)) continue;
        this.removeTicket(id);
        onPurged(id);
      }
    });
    for (const id of present) {
      const deleted = this.deletedTickets.get(id);
      if (deleted) deleted.purgeJob = job.id;
    }
    return job;
  }

  /** Time passing: jobs finish, permanently deleted users are scrubbed, old deleted tickets expire. */
  tick(now: number): void {
    this.jobs.tick(now);
    for (const purged of this.purgedUsers.values()) {
      if (!purged.scrubbed && now >= purged.scrubAt) {
        purged.scrubbed = true;
        purged.email = null;
        purged.phone = null;
      }
    }
    for (const [id, deleted] of this.deletedTickets) {
      if (now - deleted.deletedAt >= deletedTicketRetentionMs) this.removeTicket(id);
    }
  }

  private removeTicket(ticketId: number): void {
    this.deletedTickets.delete(ticketId);
    this.tickets.delete(ticketId);
    this.comments.delete(ticketId);
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
