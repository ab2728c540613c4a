import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { identifierOf, oracleOf } from "../test/reference-world";
import { createConnectorInstance } from "./connector-instances";
import { createConnectorRegistry, type ConnectorRegistry } from "./connector-registry";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { getRequestDetail, type RequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";
import { startWorker, type RunningWorker } from "./worker";

const day = 24 * 60 * 60 * 1000;

interface RecorderWorld {
  database: TestDatabase;
  running: RunningSandbox;
  worker: RunningWorker;
  exportDirectory: string;
  registry: ConnectorRegistry;
}

let world: RecorderWorld | undefined;

afterEach(async () => {
  if (!world) return;
  await world.worker.stop();
  await world.running.stop();
  await world.database.close();
  await rm(world.exportDirectory, { recursive: true, force: true });
  world = undefined;
});

/** A database, the recorder sandbox (its deletion jobs run on its own clock), an instance on it, and a worker. */
async function openRecorderWorld(confirm: { confirmDeadlineMs?: number }): Promise<RecorderWorld> {
  const database = await createTestDatabase();
  const running = await recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000 });
  const secretBox = createSecretBox(randomBytes(32));
  const registry = createConnectorRegistry([recorderConnector]);
  await createConnectorInstance(
    database,
    { registry, secretBox },
    { connectorId: "recorder", name: "Call recorder", settings: running.settings, secrets: running.credentials, rateLimitPerMinute: 100_000 },
  );
  const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-exports-"));
  const worker = await startWorker({
    db: database,
    registry,
    secretBox,
    exportDirectory,
    concurrency: 2,
    pollIntervalMs: 50,
    confirmDelaysMs: [50, 100, 200],
    ...confirm,
    log: () => undefined,
  });
  world = { database, running, worker, exportDirectory, registry };
  return world;
}

async function fileErasureOfFirstSubject(running: RunningSandbox) {
  const oracle = oracleOf(running);
  const subject = (await oracle.people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  if (!world) throw new Error("no world open");
  const { id } = await fileRequest(world.database, {
    type: "erasure",
    regime: "gdpr",
    identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    timeZone: "Europe/Berlin",
    defaultRegion: "DE",
    actor: "test",
  });
  return { id, subject, oracle };
}

async function until(read: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The phone found on the subject's calls finds more calls in locate round 1, weak matches that
 * wait in review once the rest of the erasure has run; a reviewer excludes them and approves, and
 * the request closes as it would have without them.
 */
async function excludeWeakMatchesOnceInReview(id: string): Promise<void> {
  const current = world;
  if (!current) throw new Error("no world open");
  await until(async () => (await getRequestDetail(current.database, id))?.request.status === "review", 30_000);
  const pending = (await getRequestPlan(current.database, id))?.items.filter((item) => item.review === "pending") ?? [];
  await reviewPlan(current, { requestId: id, actor: "test", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
  await approvePlan(current, { requestId: id, actor: "test" });
}

const confirmTaskOf = (detail: RequestDetail | null) => detail?.tasks.find((task) => task.phase === "confirm");
const confirmRounds = (detail: RequestDetail | null) => {
  const progress = confirmTaskOf(detail)?.progress;
  return typeof progress === "object" && progress !== null && "rounds" in progress && typeof progress.rounds === "number"
    ? progress.rounds
    : 0;
};
const refsOf = (receipts: RequestDetail["receipts"]) => receipts.map((receipt) => `${receipt.type}/${receipt.id}`).sort();

async function moveSandboxClock(running: RunningSandbox, advanceMs: number): Promise<void> {
  const response = await fetch(`${running.url}/__sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceMs }),
  });
  if (!response.ok) throw new Error(`the sandbox clock answered ${response.status}`);
}

describe("confirming asynchronous erasures", () => {
  it("keeps the request executing while the recorder's deletion jobs run, and closes it with erased outcomes once they are fulfilled, only the held calls retained", async () => {
    const { database, running } = await openRecorderWorld({});
    const { id, subject, oracle } = await fileErasureOfFirstSubject(running);

    // Erase has submitted the jobs; confirmation keeps finding them pending on the sandbox clock.
    await until(async () => confirmRounds(await getRequestDetail(database, id)) >= 3, 30_000);
    const waiting = await getRequestDetail(database, id);
    if (!waiting) throw new Error("request vanished");
    expect(waiting.request.status).toBe("executing");
    expect(confirmTaskOf(waiting)?.status).not.toBe("done");
    expect(waiting.tasks.some((task) => task.phase === "verify")).toBe(false);
    const pending = waiting.receipts.filter((receipt) => receipt.phase === "erase" && receipt.outcome === "pending");
    const retained = waiting.receipts.filter((receipt) => receipt.phase === "erase" && receipt.outcome === "retained");
    expect(pending.length).toBeGreaterThan(0);
    expect(retained.length).toBeGreaterThan(0);

    await moveSandboxClock(running, day);
    await excludeWeakMatchesOnceInReview(id);
    await waitForRequests(database, [id], { timeoutMs: 30_000 });

    const detail = await getRequestDetail(database, id);
    if (!detail) throw new Error("request vanished");
    // The held calls are kept with the recorder's hold and its basis on each receipt: a lawful
    // retention (Art. 17(3)), reported in the outcome, not a shortfall. Nothing is left pending.
    expect(detail.request.status).toBe("completed");
    expect(detail.history.at(-1)?.reason).toBe("every located record was dealt with");
    expect(retained.every((receipt) => typeof receipt.detail === "string" && receipt.detail.length > 0)).toBe(true);
    expect(detail.tasks.map((task) => `${task.phase}:${task.status}`).sort()).toEqual(
      ["confirm:done", "erase:done", "locate:done", "verify:done"],
    );
    const confirmed = detail.receipts.filter((receipt) => receipt.phase === "confirm");
    expect(refsOf(confirmed)).toEqual(refsOf(pending));
    expect(confirmed.every((receipt) => receipt.outcome === "erased")).toBe(true);
    expect(detail.request.outcome).toMatchObject({ erase: { erased: pending.length, pending: 0, retained: retained.length }, stillPresent: 0 });

    const left = await oracle.records(subject.id);
    const erasedIds = new Set(pending.map((receipt) => receipt.id));
    expect(left.some((record) => erasedIds.has(record.ref.id))).toBe(false);
    expect(refsOf(retained)).toEqual(
      left.filter((record) => retained.some((receipt) => receipt.id === record.ref.id)).map((record) => `${record.ref.type}/${record.ref.id}`).sort(),
    );
  });

  it("stops waiting at the deadline: the request ends partially_completed naming the records still pending", async () => {
    const { database, running } = await openRecorderWorld({ confirmDeadlineMs: 400 });
    const { id, subject, oracle } = await fileErasureOfFirstSubject(running);
    const before = await oracle.records(subject.id);

    await excludeWeakMatchesOnceInReview(id);
    await waitForRequests(database, [id], { timeoutMs: 30_000 });

    const detail = await getRequestDetail(database, id);
    if (!detail) throw new Error("request vanished");
    expect(detail.request.status).toBe("partially_completed");
    const pending = detail.receipts.filter((receipt) => receipt.phase === "erase" && receipt.outcome === "pending");
    expect(pending.length).toBeGreaterThan(0);
    expect(detail.receipts.some((receipt) => receipt.phase === "confirm")).toBe(false);
    expect(confirmTaskOf(detail)).toMatchObject({ status: "done", progress: { gaveUp: true, pending: pending.length } });
    expect(detail.request.outcome).toMatchObject({
      erase: { pending: pending.length, erased: 0 },
      pendingRecords: pending.map((receipt): unknown => expect.objectContaining({ type: receipt.type, id: receipt.id })),
    });
    const reason = detail.history.at(-1)?.reason ?? "";
    expect(reason).toMatch(new RegExp(`${pending.length} erasure\\(s\\) still pending at the vendor`));
    for (const receipt of pending) expect(reason).toContain(`${receipt.type}/${receipt.id}`);
    // Nothing the jobs have not run yet is gone (the media may be, the call's records are not).
    expect((await oracle.records(subject.id)).length).toBe(before.length);
  });
});
