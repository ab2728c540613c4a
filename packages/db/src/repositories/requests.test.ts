import { IllegalTransitionError } from "@lethe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertRequest, listStatusHistory, getRequest, transitionRequest } from "./requests";

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

describe("request transitions", () => {
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
