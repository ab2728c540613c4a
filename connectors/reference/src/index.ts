import { version } from "../package.json";
import { processing } from "./export-declarations";
import { defineConnector } from "@lethe/connector-sdk";
import { check } from "./check";
import { countRecords } from "./count-records";
import { inventory } from "./inventory";
import { eraseRecords } from "./erase-records";
import { exportRecords } from "./export-records";
import { locate } from "./locate/locate";
import { readBackRecords } from "./read-back";
import { rectifiableFields, rectifyRecord } from "./rectify-record";
import { restrictRecords } from "./restrict-records";
import { referenceSecrets, referenceSettings } from "./settings";
import { recordSchemas } from "./vendor/records";

/**
 * Reference CRM: people, notes about them, their attachments and logged calls. The executable example of the
 * connector contract (docs/connectors.md); its vendor API is described in API.md and served by the
 * sandbox (`@lethe/connector-reference/sandbox`).
 */
export const referenceConnector = defineConnector({
  id: "reference",
  // From package.json (inlined by the build), so receipts name the version that was released.
  version,
  title: "Reference CRM",
  description:
    "A small CRM of people, notes, attachments and call logs, served by a local sandbox: the example every connector is modelled on.",
  docsUrl: "https://github.com/lethe-dsr/lethe/blob/main/connectors/reference/API.md",
  settings: referenceSettings,
  secrets: referenceSecrets,
  examples: {
    settings: { baseUrl: "https://acme.reference-crm.example" },
    secrets: { apiToken: "rcrm_0123456789abcdef0123456789abcdef" },
  },
  invalidSettingsExample: { baseUrl: "acme.reference-crm.example" },
  identifiers: ["email", "phone", "customer_id", "native_id"],
  inventory,
  recordSchemas,
  processing,
  capabilities: {
    locate: true,
    export: true,
    // Deletion moves records to a trash that keeps them 30 days; erase purges them from it too.
    erase: { mode: "hard" },
    // Held records are not redacted; notes about others that mention the subject are (redact plan).
    redact: false,
    mentions: true,
    hold: false,
    discover: false,
    confirm: false,
    // A person's name, e-mail and phone can be corrected with PATCH (API.md, "Update a record").
    rectify: { person: [...rectifiableFields.person] },
    // Every record carries the vendor's processing-restriction flag.
    restrict: true,
    // Every record read back by id after erasure or redaction, the trash included.
    readBack: true,
    // GET /api/counts/:collection answers an exact count per kind of record.
    countRecords: { recordTypes: ["person", "note", "attachment", "call"] },
  },
  rateLimit: { requestsPerMinute: 600 },
  check,
  locate,
  export: exportRecords,
  erase: eraseRecords,
  rectify: rectifyRecord,
  restrict: restrictRecords,
  readBack: readBackRecords,
  countRecords,
});

export default referenceConnector;

export { attachmentRecord, callRecord, noteRecord, personRecord, recordSchemas } from "./vendor/records";
export type { AttachmentRecord, CallRecord, NoteRecord, PersonRecord, ReferenceRecordType } from "./vendor/records";
export { referenceSecrets, referenceSettings } from "./settings";
export type { ReferenceSecrets, ReferenceSettings } from "./settings";
