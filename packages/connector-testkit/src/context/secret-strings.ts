/** Every string inside a secrets object (tokens, passwords, client secrets), at any depth. */
export function secretStrings(secrets: unknown): string[] {
  if (typeof secrets === "string") return [secrets];
  if (Array.isArray(secrets)) return secrets.flatMap(secretStrings);
  if (typeof secrets === "object" && secrets !== null) return Object.values(secrets).flatMap(secretStrings);
  return [];
}
