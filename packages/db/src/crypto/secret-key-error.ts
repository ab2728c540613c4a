/** The secret key is missing, malformed or unreadable. Messages never include key material. */
export class SecretKeyError extends Error {
  override readonly name = "SecretKeyError";
}
