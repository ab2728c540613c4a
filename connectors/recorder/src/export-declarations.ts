import type { ExportFieldRoles, ProcessingDeclaration } from "@lethe/connector-sdk";

/** `selfUri` is the recording's address in the recorder's API, not the person's data. */
export const exportFieldRoles: ExportFieldRoles = {
  recording: { selfUri: "vendor-url" },
};

/** What a contact-centre recorder is typically for; an organisation states its own in its privacy notice. */
export const processing: ProcessingDeclaration = {
  purposes: [
    "Keeping evidence of what was agreed on a call (transactions, complaints)",
    "Training and quality review of our staff",
    "Meeting legal record-keeping duties",
  ],
  recipients: ["Our contact-centre staff and quality reviewers", "The call-recording provider, which hosts the recordings for us (processor)"],
  retention: "Until the recording's deletion date (its retention policy), unless a legal hold keeps it longer",
  source: "The calls between you and our contact centre; transcripts are made automatically from the audio",
  recordTypes: {
    consent: { purposes: ["Proving that you were told about, and agreed to, the recording"] },
  },
};
