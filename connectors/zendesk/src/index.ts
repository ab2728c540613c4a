import { version } from "../package.json";
import { defineConnector } from "@lethe/connector-sdk";
import { check } from "./check";
import { countRecords } from "./count-records";
import { inventory } from "./inventory";
import { confirmErasures } from "./erase/confirm-erasures";
import { eraseRecords } from "./erase/erase-records";
import { readBackRecords } from "./erase/read-back";
import { redactRecord } from "./erase/redact-record";
import { exportFieldRoles, processing } from "./export-declarations";
import { exportRecords } from "./export-records";
import { locate } from "./locate/locate";
import { zendeskSecrets, zendeskSettings } from "./settings";
import { recordSchemas } from "./vendor/records";
import { findExpiredTickets, retentionRecordType } from "./retention/find-expired-tickets";

/**
 * Zendesk Support: users and their identities, the tickets they requested, their place and their
 * comments in other people's tickets, and other people's comments that mention them. The vendor is
 * described in docs/vendor-apis.md §2 and served by the sandbox
 * (`@lethe/connector-zendesk/sandbox`).
 */
export const zendeskConnector = defineConnector({
  id: "zendesk",
  // From package.json (inlined by the build), so receipts name the version that was released.
  version,
  title: "Zendesk Support",
  description:
    "Finds a person in Zendesk by e-mail (all identities), phone and user id — user, identities, tickets, CCs, comments and mentions — exports them with attachments, and erases for real: tickets and user permanently deleted, mentions redacted.",
  docsUrl: "https://github.com/lethe-dsr/lethe/blob/main/connectors/zendesk/README.md",
  settings: zendeskSettings,
  secrets: zendeskSecrets,
  examples: {
    settings: { baseUrl: "https://acme.zendesk.com" },
    secrets: { email: "admin@acme.example.com", apiToken: "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv" },
  },
  invalidSettingsExample: { baseUrl: "acme.zendesk.com" },
  identifiers: ["email", "phone", "native_id"],
  inventory,
  recordSchemas,
  exportFieldRoles,
  processing,
  capabilities: {
    locate: true,
    export: true,
    erase: {
      // Users and tickets are permanently deleted (not left in deleted users / deleted tickets);
      // comments in other people's tickets are redacted, which Zendesk cannot undo.
      mode: "hard",
      caveats: [
        "Comments the person wrote in, or that mention them in, other people's tickets are redacted (▇), not deleted: the rest belongs to others.",
        "In closed tickets Zendesk refuses to remove a CC, and it never changes a submitter: those references are retained and point at the permanently deleted user.",
        "Zendesk scrubs a permanently deleted user's name, e-mail and phone asynchronously; the receipt is pending until confirm sees it done.",
        "E-mail originals of redacted comments are redacted later by a Zendesk background job.",
      ],
    },
    redact: true,
    hold: false,
    discover: false,
    confirm: true,
    // Users, identities, tickets (deleted ones too) and comments read back by id after erasure.
    readBack: true,
    // Zendesk counts users and tickets (GET /api/v2/users/count, /tickets/count); identities,
    // participations and comments have no count endpoint.
    countRecords: { recordTypes: ["user", "ticket"] },
    // Closed tickets past a retention period (search `status:closed updated<…`).
    retention: { recordTypes: [retentionRecordType] },
  },
  rateLimit: { requestsPerMinute: 200 },
  check,
  locate,
  export: exportRecords,
  erase: eraseRecords,
  confirm: confirmErasures,
  redact: redactRecord,
  readBack: readBackRecords,
  countRecords,
  findExpired: findExpiredTickets,
});

export default zendeskConnector;

export { recordSchemas } from "./vendor/records";
export type { ZendeskRecordType } from "./vendor/records";
export { zendeskSecrets, zendeskSettings } from "./settings";
export type { ZendeskContext, ZendeskSecrets, ZendeskSettings } from "./settings";
