import type { Faker } from "@faker-js/faker";
import type { OraclePerson } from "@lethe/connector-sdk";
import { IdSequence } from "./id-sequence";
import type { AttachmentRow, CommentRow, IdentityRow, SeededWorld, TicketRow, TicketStatus, UserRow } from "./rows";
import { identifiersOf } from "./identifiers-of";

/** Dates of the synthetic world are fixed, so that a seed always gives the same rows. */
const worldStart = new Date("2023-01-01T00:00:00Z");
const worldEnd = new Date("2025-06-01T00:00:00Z");

export interface TicketSpec {
  /** Comments alternate requester, agent, requester … starting with the requester's description. */
  comments: number;
  status?: TicketStatus;
  attachment?: boolean;
  ccs?: UserRow[];
  /** Followers (`follower_ids`). */
  followers?: UserRow[];
  /**
   * Who submitted the ticket when not the requester (someone filing for a relative): Zendesk
   * makes the submitter the author of the first comment, so they write the description.
   */
  submitter?: UserRow;
  /** Sentences the requester writes into their comments, one per comment in order. */
  requesterSays?: string[];
  /** Short bodies, for the large generated worlds of benchmarks. */
  light?: boolean;
}

/** Makes the rows of the world with unique ids and e-mail addresses, in seed order. */
export class WorldBuilder {
  private readonly userIds = new IdSequence(36_100_000_001);
  private readonly identityIds = new IdSequence(77_930_000_001);
  private readonly ticketIds = new IdSequence(1_001);
  private readonly commentIds = new IdSequence(12_740_000_001);
  private readonly attachmentIds = new IdSequence(49_848_300_001);
  private readonly emails = new Set<string>();
  private readonly rows: SeededWorld;
  private readonly clock: { at: number };

  constructor(
    private readonly faker: Faker,
    seed: number,
  ) {
    this.clock = { at: worldStart.getTime() };
    const adminDomain = this.companyDomain("example.com");
    this.rows = { seed, adminEmail: "", users: [], identities: [], tickets: [], comments: [], oraclePeople: [] };
    const admin = this.user("Account Owner", [{ type: "email", value: this.uniqueEmail("admin", adminDomain) }], "admin");
    this.rows.adminEmail = this.emailsOf(admin)[0] ?? "";
  }

  world(): SeededWorld {
    return this.rows;
  }

  agent(): UserRow {
    const first = this.faker.person.firstName();
    const last = this.faker.person.lastName();
    return this.user(`${first} ${last}`, [{ type: "email", value: this.uniqueEmail(this.localPart(first, last), "support.example.net") }], "agent");
  }

  user(name: string, identities: { type: IdentityRow["type"]; value: string }[], role: UserRow["role"] = "end-user"): UserRow {
    const created = this.nextDate();
    const user: UserRow = { id: this.userIds.take(), name, role, created_at: created, updated_at: created };
    this.rows.users.push(user);
    let emailSeen = false;
    for (const identity of identities) {
      const primary = identity.type === "email" && !emailSeen;
      if (identity.type === "email") emailSeen = true;
      this.rows.identities.push({
        id: this.identityIds.take(),
        user_id: user.id,
        type: identity.type,
        value: identity.value,
        verified: true,
        primary,
        created_at: created,
      });
    }
    return user;
  }

  person(user: UserRow, role: Omit<OraclePerson, "id" | "identifiers">): void {
    this.rows.oraclePeople.push({ id: String(user.id), ...role, identifiers: identifiersOf(this.rows.identities, user) });
  }

  emailsOf(user: UserRow): string[] {
    return this.rows.identities.filter((i) => i.user_id === user.id && i.type === "email").map((i) => i.value);
  }

  ticket(requester: UserRow, agent: UserRow, spec: TicketSpec): TicketRow {
    const created = this.nextDate();
    const topic = this.faker.commerce.productName().toLowerCase();
    const ticket: TicketRow = {
      id: this.ticketIds.take(),
      subject: spec.light ? `Question about the ${topic}` : `${this.faker.helpers.arrayElement(["Refund", "Delivery", "Billing", "Account"])} question about the ${topic}`,
      status: spec.status ?? this.faker.helpers.arrayElement(["new", "open", "pending", "solved"] as const),
      requester_id: requester.id,
      submitter_id: (spec.submitter ?? requester).id,
      assignee_id: agent.id,
      email_cc_ids: (spec.ccs ?? []).map((user) => user.id),
      follower_ids: (spec.followers ?? []).map((user) => user.id),
      created_at: created,
      updated_at: created,
    };
    this.rows.tickets.push(ticket);
    const says = [...(spec.requesterSays ?? [])];
    for (let n = 0; n < spec.comments; n++) {
      const fromRequester = n % 2 === 0;
      const text = fromRequester
        ? [spec.light ? `Hello, a question about the ${topic}.` : this.faker.lorem.sentences(2), says.shift()].filter(Boolean).join(" ")
        : `Hi ${requester.name.split(" ")[0] ?? ""}, ${spec.light ? "thanks, we are on it." : this.faker.lorem.sentence()}`;
      const customer = n === 0 ? (spec.submitter ?? requester) : requester;
      this.comment(ticket, fromRequester ? customer : agent, text, fromRequester || !spec.light, spec.attachment === true && n === 0);
    }
    return ticket;
  }

  comment(ticket: TicketRow, author: UserRow, body: string, isPublic = true, attachment = false): CommentRow {
    const comment: CommentRow = {
      id: this.commentIds.take(),
      ticket_id: ticket.id,
      author_id: author.id,
      public: isPublic,
      body,
      attachments: attachment ? [this.attachment(author)] : [],
      created_at: this.nextDate(),
    };
    this.rows.comments.push(comment);
    return comment;
  }

  private attachment(author: UserRow): AttachmentRow {
    const text = `Statement for ${author.name}\nAccount ${this.faker.finance.accountNumber(8)}\n${this.faker.lorem.paragraph()}\n`;
    return {
      id: this.attachmentIds.take(),
      file_name: `statement-${this.faker.string.numeric(4)}.txt`,
      content_type: "text/plain",
      token: this.faker.string.alphanumeric({ length: 24, casing: "lower" }),
      bytes: new TextEncoder().encode(text),
      redacted: false,
    };
  }

  uniqueEmail(localPart: string, domain: string): string {
    let candidate = `${localPart}@${domain}`;
    for (let n = 2; this.emails.has(candidate.toLowerCase()); n++) candidate = `${localPart}${n}@${domain}`;
    this.emails.add(candidate.toLowerCase());
    return candidate;
  }

  companyDomain(reserved: "example.com" | "example.org" | "example.net"): string {
    return `${asciiSlug(this.faker.company.name(), "-") || "company"}.${reserved}`;
  }

  localPart(first: string, last: string): string {
    return `${asciiSlug(first, "")}.${asciiSlug(last, "")}`;
  }

  /* Rows are dated in creation order, minutes apart, inside fixed bounds. */
  private nextDate(): string {
    this.clock.at = Math.min(this.clock.at + this.faker.number.int({ min: 60_000, max: 3_600_000 }), worldEnd.getTime());
    return new Date(this.clock.at).toISOString().replace(/\.\d{3}Z$/, "Z");
  }
}

function asciiSlug(text: string, separator: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(/^-+|-+$/g, "");
}
