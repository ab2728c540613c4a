import { identifierKey, type Identifier } from "@lethe/connector-sdk";
import type { PersonRecord } from "../vendor/records";
import { nativeIdSystem } from "./find-people";

/**
 * Identifiers on the person record that the query did not hold. The engine feeds them to other
 * connectors: the phone number found here lets a call recorder find the person's calls.
 */
export function discoveredIdentifiers(person: PersonRecord, queried: ReadonlySet<string>): Identifier[] {
  const onRecord: Identifier[] = [
    // Lower-cased as the API compares them, so a case variant is not reported as new.
    { kind: "email", value: person.email.toLowerCase() },
    { kind: "phone", value: person.phone },
    { kind: "customer_id", value: person.customerId },
    { kind: "native_id", value: person.id, system: nativeIdSystem },
  ];
  return onRecord.filter((identifier) => !queried.has(identifierKey(identifier)));
}
