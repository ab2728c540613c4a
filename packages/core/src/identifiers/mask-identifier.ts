/**
 * An identifier as a list shows it: enough to tell two requests apart at a glance, not enough to
 * read the person off a screen someone walks past. An e-mail keeps the first two characters of its
 * local part and its domain (`al•••@example.com`); a phone number its last four digits
 * (`•••••••1234`); anything else its first two and last two characters, or only bullets when it is
 * too short for that to hide anything.
 */
export function maskIdentifier(kind: string, value: string): string {
  const bullets = (count: number) => "•".repeat(Math.max(3, count));
  if (kind === "email") {
    const at = value.lastIndexOf("@");
    if (at > 0) return `${value.slice(0, Math.min(2, at - 1))}${bullets(3)}${value.slice(at)}`;
  }
  if (kind === "phone") {
    const digits = value.replace(/\D/g, "");
    if (digits.length > 6) return `${bullets(digits.length - 4)}${digits.slice(-4)}`;
  }
  if (value.length <= 6) return bullets(value.length);
  return `${value.slice(0, 2)}${bullets(value.length - 4)}${value.slice(-2)}`;
}
