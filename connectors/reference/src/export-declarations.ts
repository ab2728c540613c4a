import type { ProcessingDeclaration } from "@lethe/connector-sdk";

/** What a CRM like Reference CRM is typically for; an organisation states its own in its privacy notice. */
export const processing: ProcessingDeclaration = {
  purposes: ["Managing our relationship with you as a customer", "Keeping a record of our calls and notes about your enquiries"],
  recipients: ["Our customer service and sales staff", "The CRM provider, which hosts the data for us (processor)"],
  retention: "For as long as you are our customer, then for the period our records policy sets",
  source: "You, and our staff who recorded calls and notes",
};
