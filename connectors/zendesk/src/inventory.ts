import type { DataInventory } from "@lethe/connector-sdk";

/*
 * What a Zendesk help desk holds, per record type: the base of the record of processing activities
 * (GDPR Art. 30) and of the Art. 15(1) information in an access bundle. Zendesk keeps users and
 * closed tickets until they are deleted (by an agent or a ticket deletion schedule), and a deleted
 * ticket 30 days more among the deleted tickets. The periods are typical defaults an organisation
 * sets in a deletion schedule; it states its own.
 */

const supportPurposes = ["Answering your support requests and keeping their history so that later requests can be answered"];
const supportBasis = "answering support requests and knowing their history when the person writes again";
const closedTicket = { period: "P2Y", from: "the ticket being closed", note: "Zendesk keeps closed tickets until they are deleted; deleted tickets 30 days more" };

export const inventory: DataInventory = {
  user: {
    categories: ["identity", "contact"],
    fields: { name: ["identity"], email: ["contact"], phone: ["contact"] },
    purposes: supportPurposes,
    lawfulBasis: "legitimate-interests",
    basisNote: supportBasis,
    retention: { period: "P2Y", from: "the user's last ticket being closed", note: "Zendesk keeps users until they are deleted" },
  },
  identity: {
    categories: ["contact"],
    fields: { value: ["contact"], type: ["contact"] },
    purposes: ["Recognising your e-mails, calls and messages as yours"],
    lawfulBasis: "legitimate-interests",
    basisNote: supportBasis,
    retention: { period: "P2Y", from: "the user's last ticket being closed", note: "Deleted with the user" },
  },
  ticket: {
    categories: ["communication", "support_history"],
    fields: {
      "ticket.subject": ["communication"],
      "ticket.description": ["communication"],
      "ticket.status": ["support_history"],
      "ticket.created_at": ["support_history"],
      "comments.*.body": ["communication"],
      "comments.*.html_body": ["communication"],
      "comments.*.plain_body": ["communication"],
      "comments.*.attachments.*.file_name": ["communication"],
    },
    purposes: [...supportPurposes, "Checking and improving the quality of our support"],
    lawfulBasis: "legitimate-interests",
    basisNote: supportBasis,
    retention: closedTicket,
  },
  ticket_participation: {
    categories: ["support_history", "communication"],
    fields: { roles: ["support_history"], "ticket.subject": ["communication"], "ticket.status": ["support_history"] },
    purposes: ["Keeping you informed about a support request you were copied in on or follow"],
    lawfulBasis: "legitimate-interests",
    basisNote: supportBasis,
    retention: closedTicket,
  },
  comment: {
    categories: ["communication", "support_history"],
    fields: {
      "comment.body": ["communication"],
      "comment.html_body": ["communication"],
      "comment.plain_body": ["communication"],
      "comment.created_at": ["support_history"],
      "comment.attachments.*.file_name": ["communication"],
    },
    purposes: supportPurposes,
    lawfulBasis: "legitimate-interests",
    basisNote: supportBasis,
    retention: closedTicket,
  },
  comment_mention: {
    categories: ["communication", "contact"],
    fields: { "comment.body": ["communication", "contact"], "comment.html_body": ["communication", "contact"], "comment.plain_body": ["communication", "contact"] },
    purposes: ["Answering the support request of the person who wrote the comment"],
    lawfulBasis: "legitimate-interests",
    basisNote: "answering another person's support request, in which you are mentioned",
    retention: closedTicket,
  },
};
