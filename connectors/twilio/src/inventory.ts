import type { DataInventory } from "@lethe/connector-sdk";

/*
 * What Twilio holds for a contact centre, per record type: the base of the record of processing
 * activities (GDPR Art. 30) and of the Art. 15(1) information in an access bundle. Twilio deletes
 * none of these by itself: call logs, messages, recordings and transcriptions stay until the
 * account deletes them. The periods are typical defaults an organisation sets; it states its own.
 */

const keptUntilDeleted = "Twilio keeps it until it is deleted; nothing expires by itself";

export const inventory: DataInventory = {
  call: {
    categories: ["contact", "identity", "communication"],
    fields: {
      to: ["contact"],
      from: ["contact"],
      forwarded_from: ["contact"],
      caller_name: ["identity"],
      direction: ["communication"],
      start_time: ["communication"],
      end_time: ["communication"],
      duration: ["communication"],
    },
    purposes: ["Placing and answering calls between you and our contact centre", "Billing and resolving disputes about calls"],
    lawfulBasis: "contract",
    retention: { period: "P13M", from: "the end of the call", note: keptUntilDeleted },
  },
  recording: {
    categories: ["voice", "communication"],
    fields: { media_url: ["voice"], duration: ["communication"], date_created: ["communication"] },
    purposes: ["Keeping evidence of what was agreed on a call", "Training and quality review of our staff"],
    lawfulBasis: "legitimate-interests",
    basisNote: "proving what was agreed on a call and improving the quality of our service",
    retention: {
      period: "P1Y",
      from: "the end of the call",
      note: `${keptUntilDeleted}; after deletion Twilio keeps the recording's metadata, without audio, for 40 days`,
    },
  },
  transcription: {
    categories: ["communication"],
    fields: { transcription_text: ["communication"], date_created: ["communication"] },
    purposes: ["Finding what was said on a call without listening to all of it"],
    lawfulBasis: "legitimate-interests",
    basisNote: "proving what was agreed on a call and improving the quality of our service",
    retention: { period: "P1Y", from: "the end of the call", note: keptUntilDeleted },
  },
  message: {
    categories: ["contact", "communication"],
    fields: { to: ["contact"], from: ["contact"], body: ["communication"], date_sent: ["communication"] },
    purposes: ["Exchanging text messages between you and our contact centre"],
    lawfulBasis: "contract",
    retention: { period: "P13M", from: "the message being sent", note: keptUntilDeleted },
  },
  media: {
    categories: ["communication"],
    // The file itself is exported beside the JSON; its type says what kind of content it is.
    fields: { content_type: ["communication"], date_created: ["communication"] },
    purposes: ["Exchanging pictures and files between you and our contact centre"],
    lawfulBasis: "contract",
    retention: { period: "P13M", from: "the message being sent", note: keptUntilDeleted },
  },
};
