import { z } from "zod";

/*
 * Zendesk's JSON bodies (vendor-apis.md §2.3). They validate every response and make up the
 * connector's `recordSchemas`. Objects are loose: a field Zendesk adds later is the person's data
 * too, so it is exported, not stripped. A documented field missing or mistyped is a contract breach.
 */

const timestamp = z.iso.datetime({ offset: true });
const id = z.int().positive();

export const zendeskUser = z.looseObject({
  id,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string(),
  active: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const zendeskIdentity = z.looseObject({
  id,
  user_id: id,
  type: z.string(),
  value: z.string(),
  verified: z.boolean(),
  primary: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const zendeskAttachment = z.looseObject({
  id,
  file_name: z.string(),
  content_url: z.string(),
  content_type: z.string(),
  size: z.int().nonnegative(),
  inline: z.boolean(),
});

export const zendeskComment = z.looseObject({
  id,
  type: z.string(),
  author_id: id,
  public: z.boolean(),
  body: z.string(),
  html_body: z.string(),
  plain_body: z.string(),
  attachments: z.array(zendeskAttachment),
  created_at: timestamp,
});

export const zendeskTicket = z.looseObject({
  id,
  subject: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(["new", "open", "pending", "hold", "solved", "closed"]),
  requester_id: id,
  submitter_id: id,
  assignee_id: id.nullable(),
  collaborator_ids: z.array(id),
  email_cc_ids: z.array(id),
  follower_ids: z.array(id),
  created_at: timestamp,
  updated_at: timestamp,
});

export const zendeskDeletedUser = z.looseObject({
  id,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
});

export const zendeskJobStatus = z.looseObject({
  id: z.string().min(1),
  job_type: z.string().nullable(),
  status: z.enum(["queued", "working", "failed", "completed", "killed"]),
  message: z.string().nullable(),
  results: z.unknown(),
});

/** A search hit: a user or a ticket with `result_type`. Other types are ignored by filter. */
export const searchResult = z.looseObject({ id, result_type: z.string() });

export const participationRole = z.enum(["email_cc", "follower", "submitter"]);

export const recordSchemas = {
  user: zendeskUser,
  identity: zendeskIdentity,
  ticket: z.looseObject({ ticket: zendeskTicket, comments: z.array(zendeskComment) }),
  ticket_participation: z.looseObject({ ticket_id: id, user_id: id, roles: z.array(participationRole), ticket: zendeskTicket }),
  comment: z.looseObject({ ticket_id: id, comment: zendeskComment }),
  comment_mention: z.looseObject({ ticket_id: id, comment: zendeskComment }),
} satisfies Record<string, z.ZodType>;

export type ZendeskUser = z.output<typeof zendeskUser>;
export type ZendeskIdentity = z.output<typeof zendeskIdentity>;
export type ZendeskTicket = z.output<typeof zendeskTicket>;
export type ZendeskComment = z.output<typeof zendeskComment>;
export type ZendeskAttachment = z.output<typeof zendeskAttachment>;
export type ZendeskJobStatus = z.output<typeof zendeskJobStatus>;
export type ParticipationRole = z.output<typeof participationRole>;
export type ZendeskRecordType = keyof typeof recordSchemas;

export const recordTypes = Object.keys(recordSchemas) as ZendeskRecordType[];

export function isZendeskRecordType(type: string): type is ZendeskRecordType {
  return (recordTypes as string[]).includes(type);
}
