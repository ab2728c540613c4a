import type { ExportFieldRoles, ProcessingDeclaration } from "@lethe/connector-sdk";

/*
 * Zendesk's side of the access bundle. Field roles: the `url`s Zendesk puts on every object are
 * addresses of the tenant's API (the files themselves are in the bundle), never the person's data.
 */

const attachmentUrls = (prefix: string): Record<string, "vendor-url"> => ({
  [`${prefix}.attachments.*.url`]: "vendor-url",
  [`${prefix}.attachments.*.content_url`]: "vendor-url",
  [`${prefix}.attachments.*.mapped_content_url`]: "vendor-url",
});

export const exportFieldRoles: ExportFieldRoles = {
  user: { url: "vendor-url" },
  identity: { url: "vendor-url" },
  ticket: { "ticket.url": "vendor-url", ...attachmentUrls("comments.*") },
  ticket_participation: { "ticket.url": "vendor-url" },
  comment: attachmentUrls("comment"),
  comment_mention: attachmentUrls("comment"),
};

/**
 * Who receives what the help desk holds and where it came from (Art. 15(1)(c), (g)); purposes, bases
 * and retention are in inventory.ts. An organisation states its own in its privacy notice.
 */
export const processing: ProcessingDeclaration = {
  recipients: ["Our support staff", "Zendesk, Inc., which hosts the help desk for us (processor)"],
  source: "You (e-mails, web forms and messages you sent), our support staff, and people who wrote in tickets you are part of",
  recordTypes: {
    comment_mention: { source: "Another person's comment that mentions you" },
  },
};
