/*
 * The sObjects the sandbox serves, as `describe` reports them: field names with the API's casing,
 * their types, and which of them hold personal data (what the oracle reports and anonymisation
 * blanks). Field types follow Salesforce's describe vocabulary.
 */

export type FieldType =
  | "id"
  | "reference"
  | "string"
  | "email"
  | "phone"
  | "textarea"
  | "boolean"
  | "datetime"
  | "date"
  | "picklist"
  | "int";

export interface FieldSpec {
  name: string;
  type: FieldType;
  label: string;
  /** Personal data about the person the record is about. */
  personal?: boolean;
  /** Required on create and update: anonymisation writes a placeholder instead of null. */
  required?: boolean;
  /** Computed or system-maintained: PATCH may not set it. */
  readOnly?: boolean;
  /** Long text areas make query pages shorter (see FIDELITY.md). */
  long?: boolean;
}

export interface ObjectSpec {
  name: string;
  label: string;
  keyPrefix: string;
  fields: FieldSpec[];
}

const system: FieldSpec[] = [
  { name: "Id", type: "id", label: "Record ID", readOnly: true },
  { name: "IsDeleted", type: "boolean", label: "Deleted", readOnly: true },
  { name: "CreatedDate", type: "datetime", label: "Created Date", readOnly: true },
  { name: "LastModifiedDate", type: "datetime", label: "Last Modified Date", readOnly: true },
  { name: "SystemModstamp", type: "datetime", label: "System Modstamp", readOnly: true },
];

const f = (name: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  label: name.replace(/([a-z])([A-Z])/g, "$1 $2"),
  ...extra,
});
const personal = { personal: true } as const;

export const objectCatalogue: ObjectSpec[] = [
  {
    name: "Contact",
    label: "Contact",
    keyPrefix: "003",
    fields: [
      ...system,
      f("FirstName", "string", personal),
      f("LastName", "string", { personal: true, required: true }),
      f("Name", "string", { personal: true, readOnly: true }),
      f("Email", "email", personal),
      f("Phone", "phone", personal),
      f("MobilePhone", "phone", personal),
      f("HomePhone", "phone", personal),
      f("OtherPhone", "phone", personal),
      f("MailingCity", "string", personal),
      f("Birthdate", "date", personal),
      f("IndividualId", "reference"),
      f("HasOptedOutOfEmail", "boolean"),
      f("DoNotCall", "boolean"),
    ],
  },
  {
    name: "Lead",
    label: "Lead",
    keyPrefix: "00Q",
    fields: [
      ...system,
      f("FirstName", "string", personal),
      f("LastName", "string", { personal: true, required: true }),
      f("Name", "string", { personal: true, readOnly: true }),
      f("Email", "email", personal),
      f("Phone", "phone", personal),
      f("MobilePhone", "phone", personal),
      f("Company", "string", { required: true }),
      f("Status", "picklist"),
      f("IndividualId", "reference"),
      f("IsConverted", "boolean", { readOnly: true }),
    ],
  },
  {
    name: "Case",
    label: "Case",
    keyPrefix: "500",
    fields: [
      ...system,
      f("CaseNumber", "string", { readOnly: true }),
      f("ContactId", "reference", personal),
      f("SuppliedName", "string", personal),
      f("SuppliedEmail", "email", personal),
      f("SuppliedPhone", "string", personal),
      f("Subject", "string"),
      f("Description", "textarea", { personal: true, long: true }),
      f("Status", "picklist"),
    ],
  },
  {
    name: "Task",
    label: "Task",
    keyPrefix: "00T",
    fields: [
      ...system,
      f("WhoId", "reference", personal),
      f("Subject", "string"),
      f("Description", "textarea", { personal: true, long: true }),
      f("Status", "picklist"),
      f("ActivityDate", "date"),
      f("CallDurationInSeconds", "int"),
      f("IsArchived", "boolean", { readOnly: true }),
    ],
  },
  {
    name: "Event",
    label: "Event",
    keyPrefix: "00U",
    fields: [
      ...system,
      f("WhoId", "reference", personal),
      f("Subject", "string"),
      f("Description", "textarea", { personal: true, long: true }),
      f("StartDateTime", "datetime"),
      f("EndDateTime", "datetime"),
      f("IsArchived", "boolean", { readOnly: true }),
    ],
  },
  {
    name: "EmailMessage",
    label: "Email Message",
    keyPrefix: "02s",
    fields: [
      ...system,
      f("ParentId", "reference"),
      f("FromAddress", "email", personal),
      f("FromName", "string", personal),
      f("ToAddress", "string", personal),
      f("CcAddress", "string", personal),
      f("Subject", "string"),
      f("TextBody", "textarea", { personal: true, long: true }),
      f("MessageDate", "datetime"),
      f("Incoming", "boolean"),
    ],
  },
  {
    name: "CampaignMember",
    label: "Campaign Member",
    keyPrefix: "00v",
    fields: [
      ...system,
      f("CampaignId", "reference"),
      f("ContactId", "reference", personal),
      f("LeadId", "reference", personal),
      f("Status", "picklist"),
    ],
  },
  {
    name: "Individual",
    label: "Individual",
    keyPrefix: "0PK",
    fields: [
      ...system,
      f("FirstName", "string", personal),
      f("LastName", "string", { personal: true, required: true }),
      f("Name", "string", { personal: true, readOnly: true }),
      f("BirthDate", "date", personal),
      f("HasOptedOutProcessing", "boolean"),
      f("ShouldForget", "boolean"),
      f("SendIndividualData", "boolean"),
    ],
  },
  {
    name: "ContactPointEmail",
    label: "Contact Point Email",
    keyPrefix: "9CE",
    fields: [...system, f("ParentId", "reference", personal), f("EmailAddress", "email", { personal: true, required: true }), f("IsPrimary", "boolean")],
  },
  {
    name: "ContactPointPhone",
    label: "Contact Point Phone",
    keyPrefix: "0Ow",
    fields: [...system, f("ParentId", "reference", personal), f("TelephoneNumber", "phone", { personal: true, required: true }), f("PhoneType", "picklist")],
  },
  {
    name: "ContactPointTypeConsent",
    label: "Contact Point Type Consent",
    keyPrefix: "0ZY",
    fields: [
      ...system,
      f("Name", "string"),
      f("PartyId", "reference", personal),
      f("ContactPointType", "picklist"),
      f("PrivacyConsentStatus", "picklist"),
      f("CaptureDate", "datetime"),
      f("CaptureSource", "string"),
    ],
  },
  {
    name: "ContentDocument",
    label: "Content Document",
    keyPrefix: "069",
    fields: [
      ...system,
      f("Title", "string", { personal: true, required: true }),
      f("FileExtension", "string"),
      f("FileType", "string"),
      f("ContentSize", "int", { readOnly: true }),
      f("LatestPublishedVersionId", "reference", { readOnly: true }),
    ],
  },
  {
    name: "ContentVersion",
    label: "Content Version",
    keyPrefix: "068",
    fields: [
      ...system,
      f("ContentDocumentId", "reference"),
      f("Title", "string"),
      f("PathOnClient", "string"),
      f("FileType", "string"),
      f("ContentSize", "int", { readOnly: true }),
      f("VersionData", "string", { readOnly: true }),
    ],
  },
  {
    name: "ContentDocumentLink",
    label: "Content Document Link",
    keyPrefix: "06A",
    fields: [
      { name: "Id", type: "id", label: "ID", readOnly: true },
      { name: "IsDeleted", type: "boolean", label: "Deleted", readOnly: true },
      { name: "SystemModstamp", type: "datetime", label: "System Modstamp", readOnly: true },
      f("ContentDocumentId", "reference"),
      f("LinkedEntityId", "reference"),
      f("ShareType", "picklist"),
    ],
  },
];

const byLowerName = new Map(objectCatalogue.map((spec) => [spec.name.toLowerCase(), spec]));

/** SOQL object names are case-insensitive; the answer uses the API's casing. */
export function objectSpec(name: string): ObjectSpec | undefined {
  return byLowerName.get(name.toLowerCase());
}

export function fieldSpec(object: ObjectSpec, name: string): FieldSpec | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((field) => field.name.toLowerCase() === lower);
}

export function objectByKeyPrefix(id: string): ObjectSpec | undefined {
  return objectCatalogue.find((spec) => id.startsWith(spec.keyPrefix));
}

/** The placeholder anonymisation writes into required personal fields. */
export const anonymisedPlaceholder = "Anonymised";
