import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { requests } from "../schema";
import { createTestDatabase, testPostgres } from "./test-database";

const admin = postgres(testPostgres().adminUrl, { max: 1, onnotice: () => undefined });

afterAll(async () => {
  await admin.end();
});

async function databaseExists(name: string): Promise<boolean> {
  const rows = await admin`select 1 from pg_database where datname = ${name}`;
  return rows.length > 0;
}

describe("createTestDatabase", () => {
  it("gives each caller its own migrated database, isolated from the others", async () => {
    const [one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(one.name).not.toBe(two.name);
      await one.db.insert(requests).values({
        type: "erasure",
        regime: "ccpa",
        status: "received",
        receivedAt: new Date("2025-03-03T12:00:00Z"),
        dueAt: new Date("2025-04-17T12:00:00Z"),
        timeZone: "America/Los_Angeles",
      });
      expect(await one.db.select().from(requests)).toHaveLength(1);
      expect(await two.db.select().from(requests)).toHaveLength(0);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("drops the database on close", async () => {
    const database = await createTestDatabase();
    expect(await databaseExists(database.name)).toBe(true);
    await database.close();
    expect(await databaseExists(database.name)).toBe(false);
  });

  it("names databases with the run's prefix so teardown can sweep what a test forgot", async () => {
    const database = await createTestDatabase();
    try {
      expect(database.name.startsWith(testPostgres().testDatabasePrefix)).toBe(true);
      expect(database.embedded).toBe(testPostgres().embedded);
    } finally {
      await database.close();
    }
  });
});
