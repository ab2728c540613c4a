import { redactionMarker } from "./redaction-marker";

/*
 * Shapes of personal identifiers a connector might log without knowing it holds one: e-mail
 * addresses, and phone numbers either in E.164 or as runs of 7 to 15 digits with the separators
 * people write them with (`+44 20 7946 0958`, `(555) 010-1234`, `555.010.1234`).
 *
 * Timestamps and UUIDs are matched first and kept: they are the digit-rich strings logs are full
 * of, and redacting them would make logs useless without protecting anyone.
 */
const email = String.raw`[\p{L}\p{N}.!#$%&'*+/=?^_\x60{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+`;
const isoTimestamp = String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const uuid = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
const phone = String.raw`(?<![\p{L}\p{N}_])(?:\+|00)?\(?\d(?:[\s().\-/]{0,2}\d){6,}(?![\p{L}\p{N}_])`;

const shapes = new RegExp(`(${isoTimestamp}|${uuid})|(${email})|(${phone})`, "gu");
const minimumPhoneDigits = 7;
const maximumPhoneDigits = 15;

/** Replaces anything shaped like an e-mail address or a phone number with the redaction marker. */
export function redactIdentifierShapes(text: string): string {
  return text.replace(shapes, (match: string, kept: string | undefined, mail: string | undefined) => {
    if (kept !== undefined) return match;
    if (mail !== undefined) return redactionMarker;
    const digits = match.replace(/\D/g, "").length;
    return digits >= minimumPhoneDigits && digits <= maximumPhoneDigits ? redactionMarker : match;
  });
}
