import { insertUser, type Database, type UserRow } from "@lethe/db";
import { appendAudit } from "../audit/append-audit";

export interface NewUser {
  email: string;
  role: string;
  /** Already hashed by the caller (scrypt); the password itself never reaches the runtime. */
  passwordHash: string;
  /** Who creates it: `user:<id>`, `api-token:<id>`, `cli`, `bootstrap`. */
  actor: string;
}

/** Creates a console user and audits it (`user.created`), in one transaction. `DuplicateUserError` when the e-mail is taken. */
export async function createUser(database: Database, input: NewUser): Promise<UserRow> {
  return database.db.transaction(async (tx) => {
    const row = await insertUser(tx, { email: input.email, role: input.role, passwordHash: input.passwordHash });
    await appendAudit(tx, { actor: input.actor, action: "user.created", payload: { userId: row.id, role: row.role } });
    return row;
  });
}
