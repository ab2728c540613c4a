import { IllegalTransitionError } from "@lethe/core";
import { getRequest, insertRequest, listStatusHistory } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionRequest } from "./transition-request";

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

describe("transitionRequest", () => {
  it("moves along the lifecycle and records every move in the history", async () => {
    const request = await newRequest();
    await database.db.transaction((tx) => transitionRequest(tx, { requestId: request.id, to: "locating", actor: "system" }));
    await database.db.transaction((tx) =>
      transitionRequest(tx, { requestId: request.id, to: "executing", actor: "system", reason: "found 3" }),
    );
    expect((await getRequest(database.db, request.id))?.status).toBe("executing");
    const history = await listStatusHistory(database.db, request.id);
    expect(history.map((row) => [row.fromStatus, row.toStatus, row.reason])).toEqual([
      [null, "received", null],
      ["received", "locating", null],
      ["locating", "executing", "found 3"],
    ]);
  });

  it("closes the request when the move ends it", async () => {
    const request = await newRequest();
    await database.db.transaction((tx) => transitionRequest(tx, { requestId: request.id, to: "cancelled", actor: "user:ada" }));
    const row = await getRequest(database.db, request.id);
    expect(row?.status).toBe("cancelled");
    expect(row?.closedAt).toBeInstanceOf(Date);
  });

  it("refuses an illegal move with core's error and changes nothing", async () => {
    const request = await newRequest();
    await expect(
      database.db.transaction((tx) => transitionRequest(tx, { requestId: request.id, to: "completed", actor: "system" })),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await getRequest(database.db, request.id))?.status).toBe("received");
    expect(await listStatusHistory(database.db, request.id)).toHaveLength(1);
  });

  it("lets only one of two concurrent identical moves through", async () => {
    const request = await newRequest();
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        database.db.transaction((tx) => transitionRequest(tx, { requestId: request.id, to: "locating", actor: "system" })),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await listStatusHistory(database.db, request.id)).toHaveLength(2);
  });
});
