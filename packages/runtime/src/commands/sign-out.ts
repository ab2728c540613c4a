import { deleteSession, type Database } from "@lethe/db";
import { credentialCaches } from "./credential-cache";

/** Ends a console session: its row is deleted, so the cookie is useless even if kept. */
export async function signOut(database: Database, sessionIdHash: string): Promise<void> {
  await deleteSession(database.db, sessionIdHash);
  credentialCaches(database).sessions.delete(sessionIdHash);
}
