import type { ExportFieldRoles, ProcessingDeclaration } from "@lethe/connector-sdk";

/** `selfUri` is the recording's address in the recorder's API, not the person's data. */
export const exportFieldRoles: ExportFieldRoles = {
  recording: { selfUri: "vendor-url" },
};

/**
 * Who receives what the recorder holds and where it came from (Art. 15(1)(c), (g)); purposes, bases
 * and retention are in inventory.ts. An organisation states its own in its privacy notice.
 */
export const processing: ProcessingDeclaration = {
  recipients: ["Our contact-centre staff and quality reviewers", "The call-recording provider, which hosts the recordings for us (processor)"],
  source: "The calls between you and our contact centre; transcripts are made automatically from the audio",
};
