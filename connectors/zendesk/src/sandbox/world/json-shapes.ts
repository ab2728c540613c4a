import type { AttachmentRow, CommentRow, IdentityRow, TicketRow, UserRow } from "./rows";

/*
 * Rows rendered as Zendesk renders them (vendor-apis.md §2.3): snake_case, ISO 8601 UTC without
 * milliseconds, `null` rather than absent for empty optional fields, absolute `url`s.
 */

export function userJson(base: string, user: UserRow, identities: readonly IdentityRow[], active: boolean) {
  const email = identities.find((identity) => identity.type === "email" && identity.primary) ?? identities.find((i) => i.type === "email");
  const phone = identities.find((identity) => identity.type === "phone_number");
  return {
    id: user.id,
    url: `${base}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: email?.value ?? null,
    phone: phone?.value ?? null,
    role: user.role,
    active,
    verified: true,
    shared_phone_number: null,
    time_zone: "London",
    locale: "en-US",
    organization_id: null,
    external_id: null,
    tags: [],
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}

export function identityJson(base: string, identity: IdentityRow) {
  return {
    url: `${base}/api/v2/users/${identity.user_id}/identities/${identity.id}.json`,
    id: identity.id,
    user_id: identity.user_id,
    type: identity.type,
    value: identity.value,
    verified: identity.verified,
    primary: identity.primary,
    deliverable_state: identity.type === "email" ? "deliverable" : null,
    undeliverable_count: 0,
    created_at: identity.created_at,
    updated_at: identity.created_at,
  };
}

export function ticketJson(base: string, ticket: TicketRow, description: string | null) {
  return {
    url: `${base}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: null,
    via: { channel: "web", source: { from: {}, to: {}, rel: null } },
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
    type: null,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description,
    priority: null,
    status: ticket.status,
    recipient: null,
    requester_id: ticket.requester_id,
    submitter_id: ticket.submitter_id,
    assignee_id: ticket.assignee_id,
    organization_id: null,
    group_id: null,
    // Zendesk's older `collaborator_ids` names everyone copied in: e-mail CCs and followers (⚠ FIDELITY.md).
    collaborator_ids: [...new Set([...ticket.email_cc_ids, ...ticket.follower_ids])],
    follower_ids: [...ticket.follower_ids],
    email_cc_ids: [...ticket.email_cc_ids],
    has_incidents: false,
    is_public: true,
    tags: [],
    custom_fields: [],
  };
}

export function commentJson(base: string, comment: CommentRow) {
  return {
    id: comment.id,
    type: "Comment",
    author_id: comment.author_id,
    body: comment.body,
    html_body: htmlBodyOf(comment.body),
    plain_body: comment.body,
    public: comment.public,
    attachments: comment.attachments.map((attachment) => attachmentJson(base, attachment)),
    audit_id: comment.id + 1,
    via: { channel: "web", source: { from: {}, to: {}, rel: null } },
    metadata: {
      system: { client: "Mozilla/5.0", ip_address: "203.0.113.7", location: "London, UK", latitude: 51.5, longitude: -0.12 },
      custom: {},
    },
    created_at: comment.created_at,
  };
}

export function attachmentJson(base: string, attachment: AttachmentRow) {
  const fileName = attachment.redacted ? "redacted.txt" : attachment.file_name;
  const contentUrl = attachmentUrl(base, attachment);
  return {
    url: `${base}/api/v2/attachments/${attachment.id}.json`,
    id: attachment.id,
    file_name: fileName,
    content_url: contentUrl,
    mapped_content_url: contentUrl,
    content_type: attachment.redacted ? "text/plain" : attachment.content_type,
    size: attachment.redacted ? 0 : attachment.bytes.byteLength,
    width: null,
    height: null,
    inline: false,
    deleted: false,
    thumbnails: [],
  };
}

export function attachmentUrl(base: string, attachment: AttachmentRow): string {
  const fileName = attachment.redacted ? "redacted.txt" : attachment.file_name;
  return `${base}/attachments/token/${attachment.token}/?name=${encodeURIComponent(fileName)}`;
}

/** The rendered HTML of a plain-text comment, as Agent Workspace stores it. */
export function htmlBodyOf(body: string): string {
  return `<div class="zd-comment" dir="auto"><p>${escapeHtml(body).replace(/\n/g, "<br>")}</p></div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
