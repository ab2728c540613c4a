import type { Identifier } from "@lethe/connector-sdk";
import { soslTerm } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import { searchRecords } from "../vendor/read-records";
import { recordSchemas } from "../vendor/records";
import type { LocatedSet } from "./located-set";

/**
 * Free-text mentions: Case, Task and Event descriptions and e-mail bodies that quote the
 * subject's e-mail address, found by SOSL with the address's reserved characters escaped.
 * A mention in someone else's record is a redaction candidate, never grounds to erase the
 * record: it is reported weak, with the field to redact.
 */
export async function findMentions(client: SalesforceClient, identifiers: Identifier[], found: LocatedSet): Promise<void> {
  for (const identifier of identifiers) {
    if (identifier.kind !== "email") continue;
    const sosl = `FIND {${soslTerm(identifier.value)}} IN ALL FIELDS RETURNING Case(Id, Description), Task(Id, Description), Event(Id, Description), EmailMessage(Id, TextBody)`;
    for (const { type, record } of await searchRecords(client, sosl, recordSchemas, "locate.mentions")) {
      const id = String(record.Id);
      if (found.has(id)) continue;
      const field = type === "EmailMessage" ? "TextBody" : "Description";
      const text = record[field];
      if (typeof text !== "string" || !text.toLowerCase().includes(identifier.value.toLowerCase())) continue;
      found.add(
        { type, id },
        [{ identifier, strength: "weak", field: `${type}.${field}`, reason: "mentioned in free text: a redaction candidate, not the subject's record" }],
        `${type} mentioning the subject (redaction candidate)`,
      );
    }
  }
}
