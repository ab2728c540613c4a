import type { OraclePerson } from "@lethe/connector-sdk";

/* The rows of the sandbox's Zendesk account, in Zendesk's own field names (vendor-apis.md §2.3). */

export interface UserRow {
  id: number;
  name: string;
  role: "end-user" | "agent" | "admin";
  created_at: string;
  updated_at: string;
}

export interface IdentityRow {
  id: number;
  user_id: number;
  type: "email" | "phone_number";
  value: string;
  verified: boolean;
  primary: boolean;
  created_at: string;
}

export interface AttachmentRow {
  id: number;
  file_name: string;
  content_type: string;
  /** The token in `content_url` (`/attachments/token/{token}/?name=…`). */
  token: string;
  bytes: Uint8Array;
  /** Replaced by an empty `redacted.txt` through a comment redaction. */
  redacted: boolean;
}

export interface CommentRow {
  id: number;
  ticket_id: number;
  author_id: number;
  public: boolean;
  /** Plain text; `html_body` is rendered from it. Redacted characters are U+2587 (▇). */
  body: string;
  attachments: AttachmentRow[];
  created_at: string;
}

export type TicketStatus = "new" | "open" | "pending" | "hold" | "solved" | "closed";

export interface TicketRow {
  id: number;
  subject: string;
  status: TicketStatus;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  email_cc_ids: number[];
  follower_ids: number[];
  created_at: string;
  updated_at: string;
}


export interface SeededWorld {
  seed: number;
  /** The account owner whose API token the sandbox accepts. */
  adminEmail: string;
  users: UserRow[];
  identities: IdentityRow[];
  tickets: TicketRow[];
  comments: CommentRow[];
  oraclePeople: OraclePerson[];
}
