import * as schema from "./schema";

export { schema };
export * from "./schema";
export type { Sql } from "postgres";
export { connectToDatabase, type ConnectOptions, type DatabaseConnection, type DrizzleDatabase } from "./connection";
export { openDatabase, embeddedDatabaseName, type Database, type OpenDatabaseOptions } from "./database";
export { migrateDatabase, migrationsFolder } from "./migrations";
export { EmbeddedPostgresError } from "./embedded/embedded-postgres-error";
export { createSecretBox, SecretBoxError, type SecretBox } from "./crypto/secret-box";
export { loadSecretKey, SecretKeyError, type LoadSecretKeyOptions } from "./crypto/secret-key";
export * from "./repositories";
