export { createTestDatabase, testPostgres, type TestDatabase } from "./test-database";
export type { TestPostgres } from "./provided-context";
