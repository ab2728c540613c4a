import type { ExportPart } from "@lethe/connector-sdk";
import type { ZendeskComment, ZendeskTicket } from "./vendor/records";

/*
 * Whose each part of an exported ticket or comment is (GDPR Art. 15(4)): the runtime leaves the
 * parts about other people out of the person's copy. A comment another person wrote in the
 * person's own ticket is part of the person's conversation and stays, but the device and network
 * data Zendesk keeps about its author (`metadata`: IP address, location, user agent; `via`: the
 * sender's address) is the author's.
 */

const authorMetadata = ["metadata", "via"] as const;

/** The person's own ticket: other authors' metadata is theirs. */
export function requestedTicketParts(ticket: ZendeskTicket, comments: readonly ZendeskComment[]): ExportPart[] {
  return comments.flatMap((comment, index) =>
    comment.author_id === ticket.requester_id
      ? []
      : authorMetadata.map((key) => ({ path: ["comments", index, key], about: "other" as const, label: `another person's ${key} on a comment` })),
  );
}

/**
 * Someone else's ticket the person is copied in on: who else is copied in, the requester (and a
 * submitter other than the person), the requester's own description and how it reached Zendesk
 * are other people's. The person's own comments there are exported as their own records.
 */
export function participationParts(ticket: ZendeskTicket, userId: number): ExportPart[] {
  const parts: ExportPart[] = [
    { path: ["ticket", "requester_id"], about: "other", label: "the requester of the ticket" },
    { path: ["ticket", "description"], about: "other", label: "the requester's description of their ticket" },
    { path: ["ticket", "via"], about: "other", label: "how the requester's ticket reached Zendesk" },
    { path: ["ticket", "collaborator_ids"], about: "other", label: "other people copied in" },
    { path: ["ticket", "email_cc_ids"], about: "other", label: "other people copied in" },
    { path: ["ticket", "follower_ids"], about: "other", label: "other people following the ticket" },
  ];
  if (ticket.submitter_id !== userId) parts.push({ path: ["ticket", "submitter_id"], about: "other", label: "who submitted the ticket" });
  return parts;
}

/** Another person's comment that mentions the person: the text about them stays, its author's metadata and files do not. */
export function mentionParts(): ExportPart[] {
  return [
    ...authorMetadata.map((key) => ({ path: ["comment", key], about: "other" as const, label: `the comment author's ${key}` })),
    { path: ["comment", "attachments"], about: "other", label: "the comment author's files" },
  ];
}
