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

type ObjectName =
  | "Contact"
  | "Lead"
  | "Case"
  | "CaseComment"
  | "Task"
  | "Event"
  | "EmailMessage"
  | "CampaignMember"
  | "Individual"
  | "ContactPointEmail"
  | "ContactPointPhone"
  | "ContactPointTypeConsent"
  | "ContentDocument"
  | "ContentVersion"
  | "ContentDocumentLink";

const objects: { name: ObjectName; label: string; keyPrefix: string }[] = [
  { name: "Contact", label: "Contact", keyPrefix: "003" },
  { name: "Lead", label: "Lead", keyPrefix: "00Q" },
  { name: "Case", label: "Case", keyPrefix: "500" },
  { name: "CaseComment", label: "Case Comment", keyPrefix: "00a" },
  { name: "Task", label: "Task", keyPrefix: "00T" },
  { name: "Event", label: "Event", keyPrefix: "00U" },
  { name: "EmailMessage", label: "Email Message", keyPrefix: "02s" },
  { name: "CampaignMember", label: "Campaign Member", keyPrefix: "00v" },
  { name: "Individual", label: "Individual", keyPrefix: "0PK" },
  { name: "ContactPointEmail", label: "Contact Point Email", keyPrefix: "9CE" },
  { name: "ContactPointPhone", label: "Contact Point Phone", keyPrefix: "0Ow" },
  { name: "ContactPointTypeConsent", label: "Contact Point Type Consent", keyPrefix: "0ZY" },
  { name: "ContentDocument", label: "Content Document", keyPrefix: "069" },
  { name: "ContentVersion", label: "Content Version", keyPrefix: "068" },
  { name: "ContentDocumentLink", label: "Content Document Link", keyPrefix: "06A" },
];

const personNames: ObjectName[] = ["Contact", "Lead", "Individual"];
const activities: ObjectName[] = ["Task", "Event"];
const contactPoints: ObjectName[] = ["ContactPointEmail", "ContactPointPhone"];
const everyObject = objects.map((object) => object.name);
const allBut = (...excluded: ObjectName[]) => everyObject.filter((name) => !excluded.includes(name));
const personal = { personal: true } as const;

/* One field, and the objects that carry it; labels derive from the name unless given. */
const field = (name: string, type: FieldType, on: readonly ObjectName[], extra: Partial<FieldSpec> = {}): { spec: FieldSpec; on: readonly ObjectName[] } => ({
  spec: { name, type, label: name.replace(/([a-z])([A-Z])/g, "$1 $2"), ...extra },
  on,
});

/*
 * Every field of every object, once, in the order `describe` lists them (an object's fields keep
 * this table's order). A name that means different things on different objects (a personal
 * `ParentId` on contact points, a plain one on EmailMessage) has one row per meaning.
 */
const fieldTable = [
  field("Id", "id", allBut("ContentDocumentLink"), { label: "Record ID", readOnly: true }),
  field("Id", "id", ["ContentDocumentLink"], { label: "ID", readOnly: true }),
  field("IsDeleted", "boolean", everyObject, { label: "Deleted", readOnly: true }),
  field("CreatedDate", "datetime", allBut("ContentDocumentLink"), { label: "Created Date", readOnly: true }),
  field("LastModifiedDate", "datetime", allBut("ContentDocumentLink"), { label: "Last Modified Date", readOnly: true }),
  field("SystemModstamp", "datetime", everyObject, { label: "System Modstamp", readOnly: true }),
  field("FirstName", "string", personNames, personal),
  field("LastName", "string", personNames, { personal: true, required: true }),
  field("Name", "string", personNames, { personal: true, readOnly: true }),
  field("Name", "string", ["ContactPointTypeConsent"]),
  field("Email", "email", ["Contact", "Lead"], personal),
  field("Phone", "phone", ["Contact", "Lead"], personal),
  field("MobilePhone", "phone", ["Contact", "Lead"], personal),
  field("HomePhone", "phone", ["Contact"], personal),
  field("OtherPhone", "phone", ["Contact"], personal),
  field("MailingCity", "string", ["Contact"], personal),
  field("Birthdate", "date", ["Contact"], personal),
  field("BirthDate", "date", ["Individual"], personal),
  field("HasOptedOutProcessing", "boolean", ["Individual"]),
  field("ShouldForget", "boolean", ["Individual"]),
  field("SendIndividualData", "boolean", ["Individual"]),
  field("Company", "string", ["Lead"], { required: true }),
  field("CaseNumber", "string", ["Case"], { readOnly: true }),
  field("CampaignId", "reference", ["CampaignMember"]),
  field("ContactId", "reference", ["Case", "CampaignMember"], personal),
  field("LeadId", "reference", ["CampaignMember"], personal),
  field("SuppliedName", "string", ["Case"], personal),
  field("SuppliedEmail", "email", ["Case"], personal),
  field("SuppliedPhone", "string", ["Case"], personal),
  field("WhoId", "reference", activities, personal),
  field("ParentId", "reference", ["EmailMessage"]),
  // A comment's Case (required on create; the one field besides IsPublished Salesforce never lets change).
  field("ParentId", "reference", ["CaseComment"], { required: true }),
  field("IsPublished", "boolean", ["CaseComment"]),
  // Text anyone working the Case wrote (up to 4,000 bytes; filterable, unlike long text areas).
  field("CommentBody", "textarea", ["CaseComment"], personal),
  field("ParentId", "reference", contactPoints, personal),
  field("EmailAddress", "email", ["ContactPointEmail"], { personal: true, required: true }),
  field("IsPrimary", "boolean", ["ContactPointEmail"]),
  field("TelephoneNumber", "phone", ["ContactPointPhone"], { personal: true, required: true }),
  field("PhoneType", "picklist", ["ContactPointPhone"]),
  field("PartyId", "reference", ["ContactPointTypeConsent"], personal),
  field("ContactPointType", "picklist", ["ContactPointTypeConsent"]),
  field("PrivacyConsentStatus", "picklist", ["ContactPointTypeConsent"]),
  field("CaptureDate", "datetime", ["ContactPointTypeConsent"]),
  field("CaptureSource", "string", ["ContactPointTypeConsent"]),
  field("FromAddress", "email", ["EmailMessage"], personal),
  field("FromName", "string", ["EmailMessage"], personal),
  field("ToAddress", "string", ["EmailMessage"], personal),
  field("CcAddress", "string", ["EmailMessage"], personal),
  field("BccAddress", "string", ["EmailMessage"], personal),
  field("Subject", "string", ["Case", "Task", "Event", "EmailMessage"]),
  field("Description", "textarea", ["Case", "Task", "Event"], { personal: true, long: true }),
  field("TextBody", "textarea", ["EmailMessage"], { personal: true, long: true }),
  field("HtmlBody", "textarea", ["EmailMessage"], { personal: true, long: true }),
  field("MessageDate", "datetime", ["EmailMessage"]),
  field("Incoming", "boolean", ["EmailMessage"]),
  field("Status", "picklist", ["Lead", "Case", "Task", "CampaignMember", "EmailMessage"]),
  field("IndividualId", "reference", ["Contact", "Lead"]),
  field("HasOptedOutOfEmail", "boolean", ["Contact"]),
  field("DoNotCall", "boolean", ["Contact"]),
  field("IsConverted", "boolean", ["Lead"], { readOnly: true }),
  field("ActivityDate", "date", ["Task"]),
  field("CallDurationInSeconds", "int", ["Task"]),
  field("StartDateTime", "datetime", ["Event"]),
  field("EndDateTime", "datetime", ["Event"]),
  field("IsArchived", "boolean", activities, { readOnly: true }),
  field("ContentDocumentId", "reference", ["ContentVersion", "ContentDocumentLink"]),
  field("Title", "string", ["ContentDocument"], { personal: true, required: true }),
  field("Title", "string", ["ContentVersion"]),
  field("LinkedEntityId", "reference", ["ContentDocumentLink"]),
  field("ShareType", "picklist", ["ContentDocumentLink"]),
  field("PathOnClient", "string", ["ContentVersion"]),
  field("FileExtension", "string", ["ContentDocument"]),
  field("FileType", "string", ["ContentDocument", "ContentVersion"]),
  field("ContentSize", "int", ["ContentDocument", "ContentVersion"], { readOnly: true }),
  field("LatestPublishedVersionId", "reference", ["ContentDocument"], { readOnly: true }),
  field("VersionData", "string", ["ContentVersion"], { readOnly: true }),
];

export const objectCatalogue: ObjectSpec[] = objects.map((object) => ({
  ...object,
  fields: fieldTable.filter((row) => row.on.includes(object.name)).map((row) => row.spec),
}));

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
