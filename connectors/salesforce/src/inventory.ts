import type { DataInventory, RetentionDefault } from "@lethe/connector-sdk";

/*
 * What a Salesforce CRM holds, per object: the base of the record of processing activities
 * (GDPR Art. 30) and of the Art. 15(1) information in an access bundle. Salesforce deletes nothing
 * by itself: records stay until deleted, and a deleted record 15 days more in the Recycle Bin. The
 * periods are the typical defaults of a records policy; an organisation states its own.
 */

const inRecycleBin = "Salesforce keeps records until they are deleted, then 15 days in the Recycle Bin";
// Six years: the usual limitation period for claims under a contract.
const relationship: RetentionDefault = { period: "P6Y", from: "the end of the customer relationship", note: inRecycleBin };
const caseClosed: RetentionDefault = { period: "P6Y", from: "the case being closed", note: inRecycleBin };
const relationshipPurposes = ["Managing our relationship with you"];
const casePurposes = ["Handling your cases and enquiries"];
const caseBasis = "handling enquiries and knowing their history when the person contacts us again";

export const inventory: DataInventory = {
  Contact: {
    categories: ["identity", "contact", "location", "consent"],
    fields: {
      FirstName: ["identity"],
      LastName: ["identity"],
      Name: ["identity"],
      Birthdate: ["identity"],
      Email: ["contact"],
      Phone: ["contact"],
      MobilePhone: ["contact"],
      HomePhone: ["contact"],
      OtherPhone: ["contact"],
      MailingCity: ["location"],
      HasOptedOutOfEmail: ["consent"],
      DoNotCall: ["consent"],
    },
    purposes: relationshipPurposes,
    lawfulBasis: "contract",
    retention: relationship,
  },
  Lead: {
    categories: ["identity", "contact", "marketing"],
    fields: { FirstName: ["identity"], LastName: ["identity"], Name: ["identity"], Company: ["identity"], Email: ["contact"], Phone: ["contact"], MobilePhone: ["contact"] },
    purposes: ["Contacting you about our products and services you showed interest in"],
    lawfulBasis: "legitimate-interests",
    basisNote: "direct marketing to prospects (GDPR Recital 47)",
    retention: { period: "P2Y", from: "the last contact with the prospect", note: inRecycleBin },
  },
  Case: {
    categories: ["support_history", "contact", "communication"],
    fields: { SuppliedName: ["contact"], SuppliedEmail: ["contact"], SuppliedPhone: ["contact"], Subject: ["support_history"], Description: ["communication"] },
    purposes: casePurposes,
    lawfulBasis: "legitimate-interests",
    basisNote: caseBasis,
    retention: caseClosed,
  },
  CaseComment: {
    categories: ["support_history", "communication"],
    fields: { CommentBody: ["communication", "support_history"] },
    purposes: casePurposes,
    lawfulBasis: "legitimate-interests",
    basisNote: caseBasis,
    retention: caseClosed,
  },
  Task: {
    categories: ["support_history", "communication"],
    fields: { Subject: ["support_history"], Description: ["communication"], CallDurationInSeconds: ["communication"] },
    purposes: [...casePurposes, "Keeping a record of our calls and follow-ups with you"],
    lawfulBasis: "legitimate-interests",
    basisNote: caseBasis,
    retention: relationship,
  },
  Event: {
    categories: ["support_history"],
    fields: { Subject: ["support_history"], Description: ["support_history"], StartDateTime: ["support_history"] },
    purposes: ["Keeping a record of our meetings with you"],
    lawfulBasis: "legitimate-interests",
    basisNote: caseBasis,
    retention: relationship,
  },
  EmailMessage: {
    categories: ["communication", "contact"],
    fields: {
      FromAddress: ["contact"],
      FromName: ["contact"],
      ToAddress: ["contact"],
      CcAddress: ["contact"],
      BccAddress: ["contact"],
      Subject: ["communication"],
      TextBody: ["communication"],
      HtmlBody: ["communication"],
    },
    purposes: [...casePurposes, "Keeping the e-mails exchanged with you"],
    lawfulBasis: "legitimate-interests",
    basisNote: caseBasis,
    retention: caseClosed,
  },
  CampaignMember: {
    categories: ["marketing"],
    fields: { Status: ["marketing"], ContactId: ["marketing"], LeadId: ["marketing"] },
    purposes: ["Sending you the marketing you agreed to"],
    lawfulBasis: "consent",
    retention: { period: "P2Y", from: "the campaign ending", note: `Removed at once when consent is withdrawn. ${inRecycleBin}` },
  },
  Individual: {
    categories: ["identity", "consent"],
    fields: { FirstName: ["identity"], LastName: ["identity"], BirthDate: ["identity"], HasOptedOutProcessing: ["consent"], ShouldForget: ["consent"] },
    purposes: ["Keeping your data-protection and contact preferences"],
    lawfulBasis: "legal-obligation",
    basisNote: "respecting objections and withdrawn consent (GDPR Art. 7(3), 21)",
    retention: relationship,
  },
  ContactPointEmail: {
    categories: ["contact", "consent"],
    fields: { EmailAddress: ["contact"], ParentId: ["consent"] },
    purposes: ["Keeping your contact preferences per e-mail address"],
    lawfulBasis: "legal-obligation",
    basisNote: "respecting objections and withdrawn consent (GDPR Art. 7(3), 21)",
    retention: relationship,
  },
  ContactPointPhone: {
    categories: ["contact", "consent"],
    fields: { TelephoneNumber: ["contact"], ParentId: ["consent"] },
    purposes: ["Keeping your contact preferences per phone number"],
    lawfulBasis: "legal-obligation",
    basisNote: "respecting objections and withdrawn consent (GDPR Art. 7(3), 21)",
    retention: relationship,
  },
  ContactPointTypeConsent: {
    categories: ["consent"],
    fields: { PrivacyConsentStatus: ["consent"], CaptureDate: ["consent"], CaptureSource: ["consent"] },
    purposes: ["Proving which consent you gave or withdrew, and when"],
    lawfulBasis: "legal-obligation",
    basisNote: "demonstrating consent (GDPR Art. 7(1))",
    retention: { period: "P3Y", from: "the consent being withdrawn or expiring", note: inRecycleBin },
  },
  ContentDocument: {
    categories: ["communication", "other"],
    fields: { Title: ["communication", "other"] },
    purposes: ["Keeping documents you sent us with the case or record they belong to"],
    lawfulBasis: "legitimate-interests",
    basisNote: caseBasis,
    retention: relationship,
  },
};
