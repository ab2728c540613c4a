import { InvalidIdentifierError } from "@lethe/core";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileRequest, MissingIdentifierError } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { taskNames } from "./tasks/jobs";
import { prepareWorkerSchema } from "./worker-schema";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await prepareWorkerSchema(database);
});
afterAll(async () => {
  await database?.close();
});

interface StoredRows {
  requests: number;
  identifiers: number;
  history: number;
  audit: number;
  jobs: number;
}

async function storedRows(): Promise<StoredRows> {
  const [counts] = await database.sql<StoredRows[]>`
    select
      (select count(*)::int from requests) as requests,
      (select count(*)::int from subject_identifiers) as identifiers,
      (select count(*)::int from request_status_history) as history,
      (select count(*)::int from audit_log) as audit,
      (select count(*)::int from graphile_worker.jobs) as jobs
  `;
  if (!counts) throw new Error("counting rows returned nothing");
  return counts;
}

const base = {
  type: "erasure" as const,
  regime: "gdpr" as const,
  timeZone: "Europe/London",
  defaultRegion: "GB",
  actor: "test",
};

describe("fileRequest", () => {
  it("refuses an invalid e-mail address with core's error and stores nothing", async () => {
    const before = await storedRows();
    await expect(
      fileRequest(database, { ...base, identifiers: [{ kind: "email", value: "not-an-address" }] }),
    ).rejects.toBeInstanceOf(InvalidIdentifierError);
    expect(await storedRows()).toEqual(before);
  });

  it("refuses an invalid phone number even beside a valid e-mail, and stores nothing", async () => {
    const before = await storedRows();
    await expect(
      fileRequest(database, {
        ...base,
        identifiers: [
          { kind: "email", value: "ada@example.com" },
          { kind: "phone", value: "12" },
        ],
      }),
    ).rejects.toThrow(/phone/i);
    expect(await storedRows()).toEqual(before);
  });

  it("refuses a request without identifiers", async () => {
    await expect(fileRequest(database, { ...base, identifiers: [] })).rejects.toBeInstanceOf(MissingIdentifierError);
  });

  it("stores the request with normalised identifiers, its history, an audit entry and its first job", async () => {
    const before = await storedRows();
    const receivedAt = new Date("2025-01-31T10:00:00Z");
    const { id } = await fileRequest(database, {
      ...base,
      receivedAt,
      identifiers: [
        { kind: "email", value: "  Ada.Lovelace@EXAMPLE.com " },
        { kind: "phone", value: "020 7946 0958" },
      ],
    });
    const detail = await getRequestDetail(database, id);
    expect(detail?.request.status).toBe("received");
    expect(detail?.request.dueAt.toISOString()).toBe("2025-02-28T23:59:59.999Z");
    expect(detail?.identifiers.map((identifier) => [identifier.kind, identifier.value, identifier.provenance])).toEqual(
      expect.arrayContaining([
        ["email", "ada.lovelace@example.com", "given"],
        ["phone", "+442079460958", "given"],
      ]),
    );
    expect(detail?.history.map((entry) => [entry.from, entry.to])).toEqual([[null, "received"]]);
    expect(await storedRows()).toEqual({
      requests: before.requests + 1,
      identifiers: before.identifiers + 2,
      history: before.history + 1,
      audit: before.audit + 1,
      jobs: before.jobs + 1,
    });
    const jobs = await database.sql<Array<{ identifier: string; payload: unknown }>>`
      select tasks.identifier, jobs.payload
      from graphile_worker._private_jobs as jobs
      join graphile_worker._private_tasks as tasks on tasks.id = jobs.task_id
      where jobs.key = ${`${taskNames.start}:${id}`}
    `;
    expect(jobs).toEqual([{ identifier: taskNames.start, payload: { requestId: id } }]);
    const [audit] = await database.sql<Array<{ payload: unknown }>>`
      select payload from audit_log where request_id = ${id}
    `;
    expect(JSON.stringify(audit?.payload)).not.toMatch(/lovelace|7946/i);
  });
});
