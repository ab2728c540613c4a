/** The embedded PostgreSQL could not be initialised, started, joined or stopped. */
export class EmbeddedPostgresError extends Error {
  override readonly name = "EmbeddedPostgresError";

  constructor(
    message: string,
    readonly dataDirectory: string,
    options?: { cause?: unknown },
  ) {
    super(`${message} (data directory ${dataDirectory})`, options);
  }
}
