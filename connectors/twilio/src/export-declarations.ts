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

/** What a contact centre typically uses Twilio for; an organisation states its own in its privacy notice. */
export const processing: ProcessingDeclaration = {
  purposes: [
    "Placing and answering calls and messages between you and our contact centre",
    "Keeping evidence of what was agreed on a call (recordings and their transcriptions)",
    "Training and quality review of our staff",
  ],
  recipients: ["Our contact-centre staff", "Twilio, which carries and stores the calls and messages for us (processor)"],
  retention: "Until we delete them: Twilio keeps call logs, messages and recordings until they are deleted",
  source: "The calls and messages between you and us; transcriptions are made automatically from recordings",
  recordTypes: {
    transcription: { source: "Made automatically by Twilio from a call recording" },
  },
};
