import type { ExportFieldRoles, ProcessingDeclaration } from "@lethe/connector-sdk";
import { salesforceObjects } from "./vendor/records";

/** Every sObject carries `attributes.url`: the record's address in the org's REST API, not the person's data. */
export const exportFieldRoles: ExportFieldRoles = Object.fromEntries(
  salesforceObjects.map((type) => [type, { "attributes.url": "vendor-url" }]),
);

/** What a CRM is typically for; an organisation states its own in its privacy notice. */
export const processing: ProcessingDeclaration = {
  purposes: ["Managing our relationship with you", "Handling your cases and enquiries", "Keeping your contact and consent preferences"],
  recipients: ["Our sales, service and marketing staff", "Salesforce, which hosts the CRM for us (processor)"],
  retention: "For as long as you are our customer or prospect, then for the period our records policy sets",
  source: "You (forms, e-mails, calls), and our staff who recorded your cases, tasks and meetings",
  recordTypes: {
    Lead: { source: "You, or a list or event through which you became a prospect" },
    CampaignMember: { purposes: ["Sending you the marketing you agreed to"] },
  },
};
