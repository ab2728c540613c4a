import type { ExportPart } from "@lethe/connector-sdk";
import { toE164 } from "./locate/phone-numbers";

/*
 * Whose each part of an exported record is (GDPR Art. 15(4)): the runtime leaves parts about other
 * people out of the person's copy. Export is given refs only, so who the person is comes from the
 * refs themselves: their Contacts and Leads, and the addresses and numbers those and their contact
 * points hold (`ExportSubject`). A record filed under someone else — another person's Case, an
 * activity about someone else, an e-mail on someone else's Case that the person was copied in
 * on — is exported for what it says about the person, but the links to that other person and
 * their own contact details in it are theirs. The person's own records are exported whole: the
 * other recipients of an e-mail written to them, or the agent who wrote on their Case, are part of
 * their own correspondence.
 */

/** Who the person is, as far as the exported refs show it (collected as records are read). */
export class ExportSubject {
  private readonly people = new Set<string>();
  private readonly ownCases = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly region: string) {}

  /** A record of the person's own (their Contact, Lead or contact point): what identifies them. */
  learn(type: string, record: Record<string, unknown>): void {
    if (!identifyingTypes.has(type)) return;
    if (type === "Contact" || type === "Lead") this.people.add(idKey(record.Id));
    for (const field of ["Email", "EmailAddress"]) {
      const value = text(record[field]);
      if (value) this.emails.add(value.trim().toLowerCase());
    }
    for (const field of ["Phone", "MobilePhone", "HomePhone", "OtherPhone", "TelephoneNumber"]) {
      const e164 = toE164(text(record[field]), this.region);
      if (e164) this.phones.add(e164);
    }
  }

  /**
   * One record as exported: its data (an e-mail that is not the person's gains `recipients`, see
   * `emailCopy`) and the parts of it that are another person's.
   */
  exported(type: string, record: Record<string, unknown>): { data: Record<string, unknown>; parts: ExportPart[] } {
    switch (type) {
      case "Case":
        return { data: record, parts: this.caseParts(record) };
      case "Task":
      case "Event":
        return { data: record, parts: this.isPerson(record.WhoId) || !text(record.WhoId) ? [] : [other("WhoId", "the person the activity is about")] };
      case "EmailMessage":
        return this.emailCopy(record);
      default:
        return { data: record, parts: [] };
    }
  }

  /** The parts of one record that are another person's. */
  partsOf(type: string, record: Record<string, unknown>): ExportPart[] {
    return this.exported(type, record).parts;
  }

  private caseParts(record: Record<string, unknown>): ExportPart[] {
    const contact = text(record.ContactId);
    // A web-to-case Case filed under no Contact was located by the person's own SuppliedEmail or SuppliedPhone.
    const own = contact === undefined || this.isPerson(contact);
    if (own) {
      this.ownCases.add(idKey(record.Id));
      return [];
    }
    // Someone else's Case: it is exported for what it says about the person (its subject and description).
    const parts: ExportPart[] = [];
    if (contact) parts.push(other("ContactId", "the person the case is filed under"));
    if (text(record.SuppliedName)) parts.push(other("SuppliedName", "the name given by the person who filed the case"));
    if (text(record.SuppliedEmail) && !this.isEmail(record.SuppliedEmail)) parts.push(other("SuppliedEmail", "the e-mail address of the person who filed the case"));
    if (text(record.SuppliedPhone) && !this.isPhone(record.SuppliedPhone)) parts.push(other("SuppliedPhone", "the phone number of the person who filed the case"));
    return parts;
  }

  /**
   * Someone else's e-mail the person was copied in on: the body was sent to them and stays; the
   * sender and the other recipients are the other people's. An address list is one string in
   * Salesforce (`a@x; b@y`), and a part is a whole field, so the copy gains `recipients` — each
   * list split into its addresses — whose other people's addresses are parts of their own; a raw
   * list naming anyone but the person is left out whole. The person's own e-mails (on their Case,
   * sent by them, or written to them alone) are exported as they are.
   */
  private emailCopy(record: Record<string, unknown>): { data: Record<string, unknown>; parts: ExportPart[] } {
    const from = addresses(record.FromAddress);
    const to = addresses(record.ToAddress);
    const parent = text(record.ParentId);
    const own = (parent !== undefined && this.ownCases.has(idKey(parent))) || from.some((address) => this.emails.has(address)) || (to.length > 0 && to.every((address) => this.emails.has(address)));
    if (own) return { data: record, parts: [] };
    const parts: ExportPart[] = [];
    if (from.length > 0) {
      parts.push(other("FromAddress", "the sender of another person's e-mail"));
      if (text(record.FromName)) parts.push(other("FromName", "the sender of another person's e-mail"));
    }
    const recipients: Record<string, string[]> = {};
    const isTheirs = (address: string) => this.emails.has(address.toLowerCase());
    for (const field of ["ToAddress", "CcAddress", "BccAddress"] as const) {
      // As written (the case people typed), compared without case.
      const list = (text(record[field]) ?? "").split(/[;,]/).map((address) => address.trim()).filter((address) => address !== "");
      recipients[field] = list;
      if (!list.every(isTheirs)) parts.push(other(field, "other recipients of the e-mail"));
      list.forEach((address, index) => {
        if (!isTheirs(address)) parts.push({ path: ["recipients", field, index], about: "other", label: "another recipient of the e-mail" });
      });
    }
    return { data: { ...record, recipients }, parts };
  }

  private isPerson(id: unknown): boolean {
    const value = text(id);
    return value !== undefined && this.people.has(idKey(value));
  }

  private isEmail(value: unknown): boolean {
    const address = text(value);
    return address !== undefined && this.emails.has(address.trim().toLowerCase());
  }

  private isPhone(value: unknown): boolean {
    const e164 = toE164(text(value), this.region);
    return e164 !== undefined && this.phones.has(e164);
  }
}

/** The order records are read in for export: the person's own records first, so that they are known before anything filed under them. */
export const exportOrder = ["Contact", "Lead", "Individual", "ContactPointEmail", "ContactPointPhone", "ContactPointTypeConsent", "Case", "CaseComment", "EmailMessage", "Task", "Event", "CampaignMember", "ContentDocument"];

/** Records whose fields identify the person (read before the rest). */
export const identifyingTypes = new Set(["Contact", "Lead", "ContactPointEmail", "ContactPointPhone"]);

function other(field: string, label: string): ExportPart {
  return { path: [field], about: "other", label };
}

/** Ids compare by their case-sensitive 15 characters. */
function idKey(id: unknown): string {
  return String(id).slice(0, 15);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function addresses(value: unknown): string[] {
  return (text(value) ?? "").split(/[;,]/).map((address) => address.trim().toLowerCase()).filter((address) => address !== "");
}
