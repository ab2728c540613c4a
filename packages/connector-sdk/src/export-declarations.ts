/*
 * What a connector declares so that an access bundle (GDPR Art. 15) hands the person their own data
 * and nothing else, and tells them what the law says they must be told. The runtime applies these
 * declarations without knowing any vendor's record shapes.
 */

/**
 * Whose a part of an exported record is. `subject`: the person's own data or a part that concerns
 * them (their comment, a reply sent to them). `other`: another person's contribution or metadata
 * (someone else's comment, another party's IP address), which Art. 15(4) keeps out of the copy.
 */
export type ExportPartOwner = "subject" | "other";

/** One part of an exported record's `data`, located by its path of keys and array indexes. */
export interface ExportPart {
  /** From the root of `data`, e.g. `["comments", 2]` or `["comments", 2, "metadata"]`. */
  path: readonly (string | number)[];
  about: ExportPartOwner;
  /** What the part is, in words for the person, e.g. `comment by another person`. Never personal data. */
  label?: string;
}

/**
 * The role of a field that never belongs in a person's copy:
 * - `vendor-url`: the vendor's API address of the record (internal, useless to the person, names the tenant);
 * - `other-party-metadata`: network and device data of someone other than the subject (IP address, geo, user agent).
 */
export type ExportFieldRole = "vendor-url" | "other-party-metadata";

/**
 * Record type → field path pattern → role. A pattern is dot-separated keys; `*` stands for any key
 * or array index (`comments.*.attachments.*.url`). Fields with a role are left out of the export.
 */
export type ExportFieldRoles = Record<string, Record<string, ExportFieldRole>>;

/**
 * The information Art. 15(1) GDPR owes the person about the processing, in plain words: why the
 * data is processed (a), who receives it (c), how long it is kept (d), and where it came from (g).
 */
export interface ProcessingInformation {
  purposes: string[];
  recipients: string[];
  retention: string;
  source: string;
}

/** For the whole connector, and optionally per record type where a type differs. */
export interface ProcessingDeclaration extends ProcessingInformation {
  recordTypes?: Record<string, Partial<ProcessingInformation>>;
}

/** The processing information that holds for one record type. */
export function processingFor(declaration: ProcessingDeclaration, recordType: string): ProcessingInformation {
  const specific = declaration.recordTypes?.[recordType] ?? {};
  return {
    purposes: specific.purposes ?? declaration.purposes,
    recipients: specific.recipients ?? declaration.recipients,
    retention: specific.retention ?? declaration.retention,
    source: specific.source ?? declaration.source,
  };
}
