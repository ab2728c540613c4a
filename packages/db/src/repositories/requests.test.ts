import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { getRequest, insertRequest, listStatusHistory, recordStatusChange } from "./requests";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const newRequest = () =>
  database.db.transaction((tx) =>
    insertRequest(tx, {
      type: "erasure",
      regime: "gdpr",
      receivedAt: new Date("2025-03-01T09:00:00Z"),
      dueAt: new Date("2025-04-01T22:59:59.999Z"),
      timeZone: "Europe/London",
      actor: "test",
    }),
  );

describe("recordStatusChange", () => {
  it("stores each change and records it in the history", async () => {
    const request = await newRequest();
    await database.db.transaction((tx) =>
      recordStatusChange(tx, { requestId: request.id, from: "received", to: "locating", actor: "system", closes: false }),
    );
    await database.db.transaction((tx) =>
      recordStatusChange(tx, { requestId: request.id, from: "locating", to: "executing", actor: "system", reason: "found 3", closes: false }),
    );
    const row = await getRequest(database.db, request.id);
    expect(row?.status).toBe("executing");
    expect(row?.closedAt).toBeNull();
    const history = await listStatusHistory(database.db, request.id);
    expect(history.map((change) => [change.fromStatus, change.toStatus, change.reason])).toEqual([
      [null, "received", null],
      ["received", "locating", null],
      ["locating", "executing", "found 3"],
    ]);
  });

  it("sets closed_at and the outcome when the change ends the request", async () => {
    const request = await newRequest();
    await database.db.transaction((tx) =>
      recordStatusChange(tx, {
        requestId: request.id,
        from: "received",
        to: "cancelled",
        actor: "user:ada",
        outcome: { erased: 0 },
        closes: true,
      }),
    );
    const row = await getRequest(database.db, request.id);
    expect(row?.status).toBe("cancelled");
    expect(row?.outcome).toEqual({ erased: 0 });
    expect(row?.closedAt).toBeInstanceOf(Date);
    expect(row?.closedAt?.getTime()).toBe(row?.updatedAt.getTime());
  });
});
