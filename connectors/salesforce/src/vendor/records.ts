import { z } from "zod";

/*
 * The JSON of each sObject as the REST API returns it (records of /query and /sobjects): an
 * `attributes` object naming type and URL, `Id`, and the fields, `null` when empty. The schemas
 * type the fields the connector reads and pass the others through (export keeps every field
 * `describe` lists).
 */

const attributes = z.object({ type: z.string(), url: z.string() });
const text = z.string().nullable();
const flag = z.boolean().nullable();
const id = z.string().regex(/^[a-zA-Z0-9]{18}$/);
const reference = id.nullable();
const sobject = <T extends z.ZodRawShape>(shape: T) => z.looseObject({ attributes, Id: id, ...shape });

export const recordSchemas = {
  Contact: sobject({ FirstName: text.optional(), LastName: text.optional(), Name: text.optional(), Email: text.optional(), Phone: text.optional(), MobilePhone: text.optional(), HomePhone: text.optional(), OtherPhone: text.optional(), MailingCity: text.optional(), Birthdate: text.optional(), HasOptedOutOfEmail: flag.optional(), DoNotCall: flag.optional(), IndividualId: reference.optional() }),
  Lead: sobject({ FirstName: text.optional(), LastName: text.optional(), Name: text.optional(), Company: text.optional(), Email: text.optional(), Phone: text.optional(), MobilePhone: text.optional(), IndividualId: reference.optional() }),
  Case: sobject({ ContactId: reference.optional(), SuppliedName: text.optional(), SuppliedEmail: text.optional(), SuppliedPhone: text.optional(), Subject: text.optional(), Description: text.optional() }),
  CaseComment: sobject({ ParentId: reference.optional(), CommentBody: text.optional(), IsPublished: z.boolean().optional() }),
  Task: sobject({ WhoId: reference.optional(), Subject: text.optional(), Description: text.optional(), CallDurationInSeconds: z.number().nullable().optional() }),
  Event: sobject({ WhoId: reference.optional(), Subject: text.optional(), Description: text.optional(), StartDateTime: text.optional() }),
  EmailMessage: sobject({ ParentId: reference.optional(), FromAddress: text.optional(), FromName: text.optional(), ToAddress: text.optional(), CcAddress: text.optional(), BccAddress: text.optional(), Subject: text.optional(), TextBody: text.optional(), HtmlBody: text.optional() }),
  CampaignMember: sobject({ ContactId: reference.optional(), LeadId: reference.optional(), Status: text.optional() }),
  Individual: sobject({ FirstName: text.optional(), LastName: text.optional(), BirthDate: text.optional(), HasOptedOutProcessing: flag.optional(), ShouldForget: flag.optional() }),
  ContactPointEmail: sobject({ ParentId: reference.optional(), EmailAddress: text.optional() }),
  ContactPointPhone: sobject({ ParentId: reference.optional(), TelephoneNumber: text.optional() }),
  ContactPointTypeConsent: sobject({ PartyId: reference.optional(), PrivacyConsentStatus: text.optional(), CaptureDate: text.optional(), CaptureSource: text.optional() }),
  ContentDocument: sobject({ Title: text.optional(), LatestPublishedVersionId: reference.optional() }),
} satisfies Record<string, z.ZodType>;

export type SalesforceObject = keyof typeof recordSchemas;
export const salesforceObjects = Object.keys(recordSchemas) as SalesforceObject[];

export const contentDocumentLink = z.looseObject({ attributes, Id: id, ContentDocumentId: id, LinkedEntityId: id });
export const contentVersion = z.looseObject({
  attributes,
  Id: id,
  ContentDocumentId: id,
  PathOnClient: text,
  FileType: text,
  ContentSize: z.number().int().nonnegative(),
  VersionData: z.string(),
});

export function isSalesforceObject(type: string): type is SalesforceObject {
  return Object.hasOwn(recordSchemas, type);
}
