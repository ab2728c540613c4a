import type { ExportFieldRoles, ProcessingDeclaration } from "@lethe/connector-sdk";

/** Twilio's API addresses of a record and its subresources: internal, useless to the person, naming the account. */
const vendorUrls = { uri: "vendor-url", subresource_uris: "vendor-url" } as const;

export const exportFieldRoles: ExportFieldRoles = {
  call: vendorUrls,
  recording: { ...vendorUrls, media_url: "vendor-url" },
  transcription: vendorUrls,
  message: vendorUrls,
  media: vendorUrls,
};

/**
 * Who receives what Twilio holds and where it came from (Art. 15(1)(c), (g)); purposes, bases and
 * retention are in inventory.ts. An organisation states its own in its privacy notice.
 */
export const processing: ProcessingDeclaration = {
  recipients: ["Our contact-centre staff", "Twilio, which carries and stores the calls and messages for us (processor)"],
  source: "The calls and messages between you and us; transcriptions are made automatically from recordings",
  recordTypes: {
    transcription: { source: "Made automatically by Twilio from a call recording" },
  },
};
