import type { DataInventory, LawfulBasis, RetentionDefault } from "./data-inventory";
import { declaredInventory } from "./data-inventory";

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
 * Who receives a system's data (Art. 15(1)(c)) and where it came from (g), for the whole connector
 * and optionally per record type where a type differs. Why it is processed (a), on which basis and
 * how long it is kept (d) come from the data inventory (`RecordTypeInventory`), the one place they
 * are declared.
 */
export interface ProcessingDeclaration {
  recipients: string[];
  source: string;
  recordTypes?: Record<string, Partial<Pick<ProcessingDeclaration, "recipients" | "source">>>;
}

/** The information Art. 15(1) GDPR owes the person about the processing of one record type, in plain words. */
export interface ProcessingInformation {
  purposes: string[];
  /** The Art. 6(1) basis in words, with its note; absent when the connector declares no inventory. */
  lawfulBasis?: string;
  recipients: string[];
  retention: string;
  source: string;
}

const basisWords: Record<LawfulBasis, string> = {
  consent: "Your consent (GDPR Art. 6(1)(a))",
  contract: "A contract with you, or steps you asked for before one (GDPR Art. 6(1)(b))",
  "legal-obligation": "A legal obligation we are under (GDPR Art. 6(1)(c))",
  "vital-interests": "Protecting someone's vital interests (GDPR Art. 6(1)(d))",
  "public-task": "A task in the public interest or official authority (GDPR Art. 6(1)(e))",
  "legitimate-interests": "Our legitimate interests (GDPR Art. 6(1)(f))",
};

/** A lawful basis in words for the person, with its note. */
export function lawfulBasisInWords(basis: LawfulBasis, note?: string): string {
  return note ? `${basisWords[basis]}: ${note}` : basisWords[basis];
}

/** A retention default in words: "P7Y" from "the end of the call" → "7 years from the end of the call". */
export function retentionInWords(retention: RetentionDefault): string {
  const words = `${durationInWords(retention.period)} from ${retention.from}`;
  return retention.note ? `${words} (${retention.note})` : words;
}

const durationUnits: [RegExp, string][] = [
  [/(\d+(?:[.,]\d+)?)Y/, "year"],
  [/(\d+(?:[.,]\d+)?)M/, "month"],
  [/(\d+(?:[.,]\d+)?)W/, "week"],
  [/(\d+(?:[.,]\d+)?)D/, "day"],
];
const timeUnits: [RegExp, string][] = [
  [/(\d+(?:[.,]\d+)?)H/, "hour"],
  [/(\d+(?:[.,]\d+)?)M/, "minute"],
  [/(\d+(?:[.,]\d+)?)S/, "second"],
];

/** An ISO 8601 duration in English words (`P1Y6M` → "1 year 6 months"); the duration itself if it is not one. */
export function durationInWords(period: string): string {
  const match = /^P([^T]*)(?:T(.*))?$/.exec(period);
  if (!match) return period;
  const parts = [...unitWords(match[1] ?? "", durationUnits), ...unitWords(match[2] ?? "", timeUnits)];
  return parts.length > 0 ? parts.join(" ") : period;
}

function unitWords(text: string, units: [RegExp, string][]): string[] {
  return units.flatMap(([pattern, unit]) => {
    const amount = pattern.exec(text)?.[1];
    return amount === undefined ? [] : [`${amount} ${unit}${amount === "1" ? "" : "s"}`];
  });
}

/**
 * The Art. 15(1) information for one record type: purposes, basis and retention from the
 * connector's inventory, recipients and source from its processing declaration. Undefined parts
 * (a contract 1.0 plugin without inventory, a connector without a processing declaration) are
 * said as not declared rather than invented.
 */
export function processingFor(
  connector: { inventory?: DataInventory; processing?: ProcessingDeclaration },
  recordType: string,
): ProcessingInformation {
  const entry = declaredInventory(connector)?.[recordType];
  const declaration = connector.processing;
  const specific = declaration?.recordTypes?.[recordType] ?? {};
  return {
    purposes: entry?.purposes ?? [],
    ...(entry ? { lawfulBasis: lawfulBasisInWords(entry.lawfulBasis, entry.basisNote) } : {}),
    recipients: specific.recipients ?? declaration?.recipients ?? [],
    retention: entry ? retentionInWords(entry.retention) : notDeclared,
    source: specific.source ?? declaration?.source ?? notDeclared,
  };
}

const notDeclared = "Not declared by the connector";
