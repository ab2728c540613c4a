/** What every removed secret, identifier or identifier-shaped value is replaced with in logs. */
export const redactionMarker = "[redacted]";
