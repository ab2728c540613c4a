import { defineConnector } from "@lethe/connector-sdk";
import { check } from "./check";
import { eraseRecords } from "./erase-records";
import { exportRecords } from "./export-records";
import { locate } from "./locate/locate";
import { referenceSecrets, referenceSettings } from "./settings";
import { recordSchemas } from "./vendor/records";

/**
 * Reference CRM: people, notes about them and their attachments. The executable example of the
 * connector contract (CONNECTORS.md); its vendor API is described in API.md and served by the
 * sandbox (`@lethe/connector-reference/sandbox`).
 */
export const referenceConnector = defineConnector({
  id: "reference",
  version: "0.1.0",
  title: "Reference CRM",
  description:
    "A small CRM of people, notes and attachments, served by a local sandbox: the example every connector is modelled on.",
  docsUrl: "https://github.com/lethe-dsr/lethe/blob/main/connectors/reference/API.md",
  settings: referenceSettings,
  secrets: referenceSecrets,
  examples: {
    settings: { baseUrl: "https://acme.reference-crm.example" },
    secrets: { apiToken: "rcrm_0123456789abcdef0123456789abcdef" },
  },
  invalidSettingsExample: { baseUrl: "acme.reference-crm.example" },
  identifiers: ["email", "phone", "customer_id", "native_id"],
  dataCategories: {
    person: ["identity", "contact"],
    note: ["communication", "support_history"],
    attachment: ["communication", "other"],
  },
  recordSchemas,
  capabilities: {
    locate: true,
    export: true,
    // Deletion moves records to a trash that keeps them 30 days; erase purges them from it too.
    erase: { mode: "hard" },
    redact: false,
    hold: false,
    discover: false,
    confirm: false,
  },
  rateLimit: { requestsPerMinute: 600 },
  check,
  locate,
  export: exportRecords,
  erase: eraseRecords,
});

export default referenceConnector;

export { attachmentRecord, noteRecord, personRecord, recordSchemas } from "./vendor/records";
export type { AttachmentRecord, NoteRecord, PersonRecord, ReferenceRecordType } from "./vendor/records";
export { referenceSecrets, referenceSettings } from "./settings";
export type { ReferenceSecrets, ReferenceSettings } from "./settings";
