import type { DataInventory } from "@lethe/connector-sdk";

/*
 * What Reference CRM holds, per record type: the base of the record of processing activities
 * (GDPR Art. 30) and of the Art. 15(1) information in an access bundle. The purposes, bases and
 * retention periods are what a CRM like this is typically run for; an organisation states its own.
 */

const customerRelationship = "the end of the customer relationship";

export const inventory: DataInventory = {
  person: {
    categories: ["identity", "contact"],
    fields: { name: ["identity"], customerId: ["identity"], email: ["contact"], phone: ["contact"] },
    purposes: ["Managing our relationship with you as a customer"],
    lawfulBasis: "contract",
    // Six years: the usual limitation period for claims under a contract.
    retention: { period: "P6Y", from: customerRelationship },
  },
  note: {
    categories: ["communication", "support_history"],
    fields: { body: ["communication", "support_history"] },
    purposes: ["Keeping a record of your enquiries so that later ones can be answered"],
    lawfulBasis: "legitimate-interests",
    basisNote: "knowing the history of a customer's enquiries when they contact us again",
    retention: { period: "P2Y", from: "the note being written" },
  },
  attachment: {
    categories: ["communication", "other"],
    fields: { fileName: ["communication", "other"] },
    purposes: ["Keeping documents you sent us with the enquiry they belong to"],
    lawfulBasis: "legitimate-interests",
    basisNote: "knowing the history of a customer's enquiries when they contact us again",
    retention: { period: "P2Y", from: "the document being received" },
  },
  call: {
    categories: ["communication", "transaction", "support_history"],
    fields: {
      summary: ["communication", "transaction"],
      tags: ["support_history"],
      direction: ["communication"],
      durationSeconds: ["communication"],
      occurredAt: ["communication"],
    },
    purposes: ["Keeping a record of our calls with you and what was agreed on them"],
    lawfulBasis: "contract",
    retention: { period: "P6Y", from: customerRelationship },
  },
};
