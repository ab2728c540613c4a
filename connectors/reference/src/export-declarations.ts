import type { ProcessingDeclaration } from "@lethe/connector-sdk";

/**
 * Who receives what Reference CRM holds and where it came from (Art. 15(1)(c), (g)); purposes, bases
 * and retention are in inventory.ts. An organisation states its own in its privacy notice.
 */
export const processing: ProcessingDeclaration = {
  recipients: ["Our customer service and sales staff", "The CRM provider, which hosts the data for us (processor)"],
  source: "You, and our staff who recorded calls and notes",
};
