import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { listRetentionRunItems, readAuditLog, type RetentionRunItemRow } from "@lethe/db";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { pollUntil } from "../../test/poll";
import { openSandboxWorld, type SandboxWorld } from "../../test/sandbox-world";
import { sealAuditLog } from "../audit/seal-audit-log";
import { createLegalHold } from "../holds/manage-holds";
import { approveRetention } from "./approve-retention";
import { previewRetention } from "./preview-retention";
import { RetentionNotApprovedError, RetentionPreviewMismatchError } from "./retention-errors";
import { retentionRunDetail } from "./retention-run-view";
import { createRetentionSchedule, updateRetentionSchedule } from "./retention-schedules";
import { startRetentionSweep } from "./start-retention-sweep";

/** Lethe's clock and the sandbox's, moved together: 1 June 2025, so a 90-day period cuts at 3 March. */
const now = new Date("2025-06-01T00:00:00Z");
const clock = { now: () => new Date(now.getTime()) };

const agent = { aor: "sip:agent.1042@cc.example.com", name: "Agent 1042", role: "agent", channel: 1 } as const;
const customer = (n: number, extra: Record<string, unknown> = {}) => ({
  aor: `tel:+1201555${String(n).padStart(4, "0")}`,
  name: `Caller ${n}`,
  role: "customer",
  channel: 0,
  email: `caller.${n}@example.com`,
  ...extra,
});
const lines = [
  { participant: 1, text: "thank you for calling, how can I help?" },
  { participant: 0, text: "I would like to check my balance please" },
];
const call = (id: string, startTime: string, n: number, extra: Record<string, unknown> = {}) => ({
  id,
  startTime,
  participants: [customer(n), agent],
  lines,
  ...extra,
});

/**
 * Past the cut-off: plain calls (erased), one the recorder holds, one consented for quality
 * training, one declined (erased), one of a person under a Lethe person hold, one under a record
 * hold. Younger than 90 days: two calls nothing touches.
 */
const world = {
  calls: [
    call("rec_old1", "2025-01-10T09:00:00Z", 1),
    call("rec_old2", "2025-02-10T09:00:00Z", 2),
    call("rec_vendorheld", "2025-01-15T09:00:00Z", 3, { legalHold: { holdId: "LH-2025-7", basis: "Regulatory inquiry" } }),
    call("rec_training", "2025-01-20T09:00:00Z", 4, { qualityTraining: "given" }),
    call("rec_declined", "2025-01-25T09:00:00Z", 5, { qualityTraining: "declined" }),
    call("rec_personheld", "2025-02-01T09:00:00Z", 6),
    call("rec_recordheld", "2025-02-05T09:00:00Z", 7),
    call("rec_recent", "2025-05-20T09:00:00Z", 8),
    call("rec_new", "2025-05-30T09:00:00Z", 9),
  ],
};
const expectedErased = ["rec_declined", "rec_old1", "rec_old2"];
const expectedKept = ["rec_personheld", "rec_recordheld", "rec_training", "rec_vendorheld"];

let opened: SandboxWorld<RunningSandbox> | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const oracleRecordings = z.object({ recordings: z.array(z.object({ id: z.string() }).loose()) });
async function storedIds(running: RunningSandbox): Promise<string[]> {
  return oracleRecordings.parse(await (await fetch(`${running.url}/__sandbox/recordings`)).json()).recordings.map((r) => r.id).sort();
}
async function moveSandboxClock(running: RunningSandbox, change: { set: string } | { advanceMs: number }): Promise<void> {
  const response = await fetch(`${running.url}/__sandbox/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(change) });
  expect(response.status).toBe(200);
}
const decisions = (items: readonly Pick<RetentionRunItemRow, "recordId" | "action">[]) => items.map((item) => `${item.action}:${item.recordId}`).sort();

async function openRetentionWorld() {
  opened = await openSandboxWorld({
    connectors: [recorderConnector],
    startSandbox: () => recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000, world }),
    instance: { connectorId: "recorder", name: "Call recorder", rateLimitPerMinute: 100_000 },
    worker: { clock, confirmDelaysMs: [200] },
  });
  await moveSandboxClock(opened.running, { set: now.toISOString() });
  const deps = {
    database: opened.database,
    registry: opened.registry,
    secretBox: opened.secretBox,
    clock,
    exportDirectory: opened.exportDirectory,
    log: () => undefined,
    logLevel: "info" as const,
    outbound: { fetch: globalThis.fetch } as never,
  };
  return { ...opened, deps };
}

describe("a retention schedule swept through the recorder", () => {
  it("erases exactly the calls past their period and not kept, a second run erases nothing, and the preview matched what ran", async () => {
    const { database, running, instanceId, secretBox, deps } = await openRetentionWorld();
    await createLegalHold(database, secretBox, {
      title: "Complaint 88",
      basis: "Art. 17(3)(e) legal claims",
      owner: "legal@example.com",
      selector: { scope: "person", identifiers: [{ kind: "email", value: "caller.6@example.com" }] },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "US",
    });
    await createLegalHold(database, secretBox, {
      title: "Quality dispute",
      basis: "Art. 17(3)(e) legal claims",
      owner: "legal@example.com",
      selector: { scope: "record", instanceId, recordType: "recording", recordId: "rec_recordheld" },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "US",
    });
    const schedule = await createRetentionSchedule(
      deps,
      { name: "recordings 90 days", connectorInstance: "Call recorder", recordType: "recording", period: "P90D", action: "erase", keepWhenTagged: ["consent:quality-training"] },
      { actor: "test", source: "console" },
    );
    const before = await storedIds(running);

    // Not approved yet: the sweep refuses to start.
    await expect(startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" })).rejects.toBeInstanceOf(RetentionNotApprovedError);

    const preview = await previewRetention(deps, { scheduleId: schedule.id, actor: "test", sampleSize: 50 });
    expect(preview.run).toMatchObject({ kind: "preview", status: "completed", cutoff: "2025-03-03T00:00:00.000Z" });
    expect(preview.run.counts).toMatchObject({ found: 7, erase: 3, keep: 4 });
    expect(decisions(preview.items)).toEqual([...expectedErased.map((id) => `erase:${id}`), ...expectedKept.map((id) => `keep:${id}`)].sort());
    const reasons = Object.fromEntries(preview.items.map((item) => [item.recordId, item.keepReason]));
    expect(reasons.rec_vendorheld).toBe("held by the vendor (Regulatory inquiry, LH-2025-7)");
    expect(reasons.rec_training).toBe("tagged consent:quality-training, which the schedule keeps");
    expect(reasons.rec_personheld).toContain('held by "Complaint 88"');
    expect(reasons.rec_recordheld).toContain('held by "Quality dispute"');
    // The dry run changed nothing at the vendor.
    expect(await storedIds(running)).toEqual(before);

    await approveRetention(database, { scheduleId: schedule.id, previewRunId: preview.run.id, actor: "officer" });
    const sweep = await startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" });
    const confirming = await pollUntil("the sweep to wait on the deletion jobs", () => retentionRunDetail(database.db, sweep.id), {
      until: (detail) => detail.run.status !== "queued" && detail.run.status !== "running",
    });
    expect(confirming.run.status).toBe("confirming");
    expect(confirming.run.counts).toMatchObject({ pending: 3 });
    // The recorder's deletion jobs finish on its clock: PENDING a minute, PROCESSING five.
    await moveSandboxClock(running, { advanceMs: 10 * 60_000 });
    const done = await pollUntil("the sweep to complete", () => retentionRunDetail(database.db, sweep.id), {
      until: (detail) => detail.run.status === "completed" || detail.run.status === "failed",
    });
    expect(done.run).toMatchObject({ status: "completed", error: null });
    expect(done.run.counts).toMatchObject({ found: 7, erase: 3, keep: 4, erased: 3 });
    expect(done.items.filter((item) => item.action === "erase").map((item) => item.outcome)).toEqual(["erased", "erased", "erased"]);

    // The oracle: exactly the expected calls are gone, every kept and younger one is still there.
    expect(await storedIds(running)).toEqual(before.filter((id) => !expectedErased.includes(id)));
    // The preview's decisions are exactly what the sweep did.
    expect(decisions(await listRetentionRunItems(database.db, sweep.id))).toEqual(decisions(await listRetentionRunItems(database.db, preview.run.id)));

    const second = await startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" });
    const secondDone = await pollUntil("the second sweep to complete", () => retentionRunDetail(database.db, second.id), {
      until: (detail) => detail.run.status === "completed" || detail.run.status === "failed",
    });
    expect(secondDone.run.status).toBe("completed");
    expect(secondDone.run.counts).toEqual({ found: 4, erase: 0, keep: 4 });
    expect(await storedIds(running)).toEqual(before.filter((id) => !expectedErased.includes(id)));

    await sealAuditLog(database.db);
    const actions = (await readAuditLog(database.db)).map((entry) => entry.action).filter((action) => action.startsWith("retention."));
    expect(actions).toEqual(
      expect.arrayContaining(["retention.schedule_created", "retention.previewed", "retention.approved", "retention.sweep_started", "retention.records_erased", "retention.erasures_confirmed", "retention.sweep_completed"]),
    );
  });

  it("waits for a new approval when the terms change, and refuses to approve terms nobody previewed", async () => {
    const { deps, database } = await openRetentionWorld();
    const definition = { name: "recordings 90 days", connectorInstance: "Call recorder", recordType: "recording", period: "P90D", action: "erase", keepWhenTagged: [] } as const;
    const schedule = await createRetentionSchedule(deps, { ...definition, keepWhenTagged: [] }, { actor: "test", source: "console" });
    const preview = await previewRetention(deps, { scheduleId: schedule.id, actor: "test" });
    await approveRetention(database, { scheduleId: schedule.id, previewRunId: preview.run.id, actor: "officer" });

    // A rename is no new term; a longer keep list is.
    await updateRetentionSchedule(deps, schedule.id, { ...definition, name: "call recordings", keepWhenTagged: [] }, { actor: "test" });
    const renamedSweep = await startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" });
    await pollUntil("the sweep to leave the queue", () => retentionRunDetail(database.db, renamedSweep.id), { until: (detail) => detail.run.status !== "queued" });
    await updateRetentionSchedule(deps, schedule.id, { ...definition, keepWhenTagged: ["consent:quality-training"] }, { actor: "test" });
    await expect(startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" })).rejects.toBeInstanceOf(RetentionNotApprovedError);
    await expect(approveRetention(database, { scheduleId: schedule.id, previewRunId: preview.run.id, actor: "officer" })).rejects.toBeInstanceOf(RetentionPreviewMismatchError);
    const unfinished = await pollUntil("the first sweep to end", () => retentionRunDetail(database.db, renamedSweep.id), {
      until: (detail) => detail.run.status === "confirming" || detail.run.status === "completed",
      timeoutMs: 30_000,
    });
    expect(unfinished.run.status).not.toBe("failed");
  });
});
