import type { ExportFieldRoles, ProcessingDeclaration } from "@lethe/connector-sdk";
import { salesforceObjects } from "./vendor/records";

/** Every sObject carries `attributes.url`: the record's address in the org's REST API, not the person's data. */
export const exportFieldRoles: ExportFieldRoles = Object.fromEntries(
  salesforceObjects.map((type) => [type, { "attributes.url": "vendor-url" }]),
);

/**
 * Who receives what the CRM holds and where it came from (Art. 15(1)(c), (g)); purposes, bases and
 * retention are in inventory.ts. An organisation states its own in its privacy notice.
 */
export const processing: ProcessingDeclaration = {
  recipients: ["Our sales, service and marketing staff", "Salesforce, which hosts the CRM for us (processor)"],
  source: "You (forms, e-mails, calls), and our staff who recorded your cases, tasks and meetings",
  recordTypes: {
    Lead: { source: "You, or a list or event through which you became a prospect" },
  },
};
