import { version } from "../package.json";
import { exportFieldRoles, processing } from "./export-declarations";
import { defineConnector } from "@lethe/connector-sdk";
import { check } from "./check";
import { countRecords } from "./count-records";
import { inventory } from "./inventory";
import { confirmErasure } from "./erase/confirm-erasure";
import { eraseRecords } from "./erase/erase-records";
import { redactSpans } from "./erase/redact-spans";
import { exportRecords } from "./export-records";
import { locate } from "./locate/locate";
import { salesforceSecrets, salesforceSettings } from "./settings";
import { readBack } from "./verify/read-back";
import { recordSchemas, salesforceObjects } from "./vendor/records";

/**
 * Salesforce (Sales/Service Cloud): Contacts, Leads, Cases, activities, e-mails, campaign
 * memberships, Individuals with their contact points and consents, and files. Built on jsforce 3
 * with its HTTP routed through `ctx.http`; the sandbox (`@lethe/connector-salesforce/sandbox`)
 * plays the vendor (FIDELITY.md).
 */
export const salesforceConnector = defineConnector({
  id: "salesforce",
  // From package.json (inlined by the build), so receipts name the version that was released.
  version,
  title: "Salesforce",
  description:
    "Locates, exports and erases a person across Contact, Lead, Case, CaseComment, Task, Event, EmailMessage, CampaignMember, Individual, contact points, consents and files, past the Recycle Bin.",
  docsUrl: "https://github.com/lethe-dsr/lethe/blob/main/connectors/salesforce/README.md",
  settings: salesforceSettings,
  secrets: salesforceSecrets,
  examples: {
    settings: { loginUrl: "https://acme.my.salesforce.com", apiVersion: "62.0", defaultPhoneRegion: "US", jwtAudience: "https://login.salesforce.com", apiReserve: 5000 },
    secrets: { flow: "client_credentials", clientId: "3MVG9example0consumer0key", clientSecret: "8A4BE6EXAMPLE0SECRET" },
  },
  invalidSettingsExample: { loginUrl: "acme.my.salesforce.com" },
  identifiers: ["email", "phone"],
  inventory,
  recordSchemas,
  exportFieldRoles,
  processing,
  capabilities: {
    locate: true,
    export: true,
    erase: {
      mode: "hard",
      caveats: [
        "Removal from the Recycle Bin needs the integration user's 'Bulk API Hard Delete' permission; without it records stay in the bin (receipts say pending) until Salesforce purges it after 15 days.",
        "A Contact that still has Cases Lethe does not erase cannot be deleted; it is anonymised instead.",
        "An 'anonymise' plan blanks personal fields (PATCH) on records that must be kept.",
        "A 'redact' plan (records a legal hold keeps) PATCHes the subject out of Cases, activities and e-mails — links and their own fields cleared, their identifiers in free text replaced by [REDACTED:type] — and anonymises their Contact/Lead; files are retained whole, and records already in the Recycle Bin cannot be updated.",
        "Another person's Case, Task, Event, EmailMessage or case comment that only mentions the subject (their address in a description, body, comment or Cc/To list, their phone number in a comment, or as SuppliedEmail on a Case filed under someone else) is redacted the same way and kept; a sent e-mail cannot be updated through the API (Salesforce allows it only for drafts), so it is retained with that reason. Editing a case comment's body needs the integration user's 'Modify All Data'.",
      ],
    },
    redact: true,
    // Other people's Cases, activities, e-mails and case comments that name the subject are reported as mentions.
    mentions: true,
    // Each record read by id with queryAll: gone only once out of the Recycle Bin too.
    readBack: true,
    hold: false,
    discover: false,
    confirm: true,
    // SELECT COUNT() FROM <object> counts every object the connector reads.
    countRecords: { recordTypes: [...salesforceObjects] },
  },
  // No per-minute limit in Salesforce; the daily allocation (Sforce-Limit-Info) is watched instead.
  rateLimit: { requestsPerMinute: 1_500 },
  check,
  countRecords,
  locate,
  export: exportRecords,
  erase: eraseRecords,
  confirm: confirmErasure,
  redact: redactSpans,
  readBack,
});

export default salesforceConnector;

export { recordSchemas } from "./vendor/records";
export { salesforceSecrets, salesforceSettings } from "./settings";
export type { SalesforceContext, SalesforceSecrets, SalesforceSettings } from "./settings";
export { soqlContains, soqlDigitsInOrder, soqlString, soslTerm } from "./client/soql-literal";
