import type { DataInventory } from "@lethe/connector-sdk";

/*
 * What a contact-centre call recorder holds, per record type: the base of the record of processing
 * activities (GDPR Art. 30) and of the Art. 15(1) information in an access bundle. The purposes,
 * bases and periods are the typical defaults; an organisation states its own, and a regulated firm
 * usually keeps call records longer (MiFID II Art. 16(7): five years).
 */

const recordingPolicy = "Until the recording's deletion date (its retention policy), unless a legal hold keeps it longer";

export const inventory: DataInventory = {
  recording: {
    categories: ["voice", "contact", "identity"],
    fields: {
      // The audio itself is exported as a file beside the JSON; `media` says the record has it.
      media: ["voice"],
      "participants.*.aor": ["contact"],
      "participants.*.email": ["contact"],
      "participants.*.name": ["identity"],
      "participants.*.externalContactId": ["identity"],
    },
    purposes: [
      "Keeping evidence of what was agreed on a call (transactions, complaints)",
      "Training and quality review of our staff",
    ],
    lawfulBasis: "legitimate-interests",
    basisNote: "proving what was agreed on a call and improving the quality of our service",
    retention: { period: "P1Y", from: "the end of the call", note: recordingPolicy },
  },
  transcript: {
    categories: ["communication", "transaction"],
    fields: { "utterances.*.text": ["communication", "transaction"], "utterances.*.words.*.word": ["communication", "transaction"] },
    purposes: ["Finding what was said on a call without listening to all of it", "Training and quality review of our staff"],
    lawfulBasis: "legitimate-interests",
    basisNote: "proving what was agreed on a call and improving the quality of our service",
    retention: { period: "P1Y", from: "the end of the call", note: "Deleted together with its recording" },
  },
  consent: {
    categories: ["consent"],
    fields: { "events.*.type": ["consent"], "events.*.method": ["consent"], "events.*.at": ["consent"] },
    purposes: ["Proving that you were told about, and agreed to, the recording"],
    lawfulBasis: "legal-obligation",
    basisNote: "showing that a call was recorded lawfully (GDPR Art. 5(2), accountability)",
    retention: { period: "P1Y", from: "the end of the call", note: "Deleted together with its recording" },
  },
};
