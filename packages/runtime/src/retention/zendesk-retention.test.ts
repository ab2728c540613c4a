import zendeskConnector from "@lethe/connector-zendesk";
import { startZendeskSandbox, type RunningZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import { listRetentionRunItems } from "@lethe/db";
import { afterEach, describe, expect, it } from "vitest";
import { pollUntil } from "../../test/poll";
import { openSandboxWorld, type SandboxWorld } from "../../test/sandbox-world";
import { createLegalHold } from "../holds/manage-holds";
import { approveRetention } from "./approve-retention";
import { previewRetention } from "./preview-retention";
import { retentionRunDetail } from "./retention-run-view";
import { createRetentionSchedule } from "./retention-schedules";
import { startRetentionSweep } from "./start-retention-sweep";

/*
 * "Closed tickets 2 years" through Zendesk: tickets are written at the sandbox's time, then both
 * clocks move three years on. The search `status:closed updated<…` finds the closed ones from
 * back then; the sweep erases them (soft delete, then the permanent-deletion job) except the one
 * whose requester is under a person hold, and leaves open, solved and recent tickets alone.
 */
const threeYears = 3 * 365 * 86_400_000;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

let opened: SandboxWorld<RunningZendeskSandbox> | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  offsetMs = 0;
});

async function zendesk(running: RunningZendeskSandbox, method: string, path: string, body?: unknown) {
  const response = await fetch(`${running.url}/api/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${running.admin.oauthAccessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}
async function ticket(running: RunningZendeskSandbox, email: string, status: string): Promise<string> {
  const created = await zendesk(running, "POST", "/tickets", { ticket: { subject: "Card not arriving", comment: { body: "Where is my card?" }, status, requester: { name: "Caller", email } } });
  expect(created.status).toBe(201);
  return String((created.body.ticket as { id: number }).id);
}
const present = async (running: RunningZendeskSandbox, id: string) => (await zendesk(running, "GET", `/tickets/${id}`)).status === 200;

describe("a retention schedule swept through Zendesk", () => {
  it("erases exactly the closed tickets past two years whose requester is not held, and a second run erases nothing", async () => {
    opened = await openSandboxWorld({
      connectors: [zendeskConnector],
      startSandbox: () => startZendeskSandbox({ seed: 1, rateLimitPerMinute: 1_000_000, world: {} }),
      instance: { connectorId: "zendesk", name: "Zendesk Support", rateLimitPerMinute: 100_000 },
      worker: { clock, confirmDelaysMs: [100] },
    });
    const { database, registry, secretBox, running, exportDirectory } = opened;
    const deps = { database, registry, secretBox, clock, exportDirectory, log: () => undefined, logLevel: "info" as const, outbound: { fetch: globalThis.fetch } as never };

    const oldClosed = await ticket(running, "ann.old@example.com", "closed");
    const oldHeld = await ticket(running, "bob.held@example.com", "closed");
    const oldOpen = await ticket(running, "ann.old@example.com", "open");
    const oldSolved = await ticket(running, "ann.old@example.com", "solved");
    const moved = await fetch(`${running.url}/__sandbox/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMs: threeYears }) });
    expect(moved.status).toBe(200);
    offsetMs = threeYears;
    const recentClosed = await ticket(running, "ann.old@example.com", "closed");

    await createLegalHold(database, secretBox, {
      title: "Chargeback 12",
      basis: "Art. 17(3)(e) legal claims",
      owner: "legal@example.com",
      selector: { scope: "person", identifiers: [{ kind: "email", value: "Bob.Held@example.com" }] },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "US",
    });
    const schedule = await createRetentionSchedule(
      deps,
      { name: "closed tickets 2 years", connectorInstance: "Zendesk Support", recordType: "ticket", period: "P2Y", action: "erase", keepWhenTagged: [] },
      { actor: "test", source: "console" },
    );
    const preview = await previewRetention(deps, { scheduleId: schedule.id, actor: "test", sampleSize: 10 });
    expect(preview.run).toMatchObject({ status: "completed", counts: { found: 2, erase: 1, keep: 1 } });
    expect(preview.items.map((item) => `${item.action}:${item.recordId}`).sort()).toEqual([`erase:${oldClosed}`, `keep:${oldHeld}`].sort());
    expect(preview.items.find((item) => item.recordId === oldHeld)?.keepReason).toContain('held by "Chargeback 12"');

    await approveRetention(database, { scheduleId: schedule.id, previewRunId: preview.run.id, actor: "officer" });
    const sweep = await startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" });
    const done = await pollUntil("the Zendesk sweep to end", () => retentionRunDetail(database.db, sweep.id), {
      until: (detail) => detail.run.status === "completed" || detail.run.status === "failed",
      timeoutMs: 60_000,
    });
    expect(done.run).toMatchObject({ status: "completed", counts: { found: 2, erase: 1, keep: 1, erased: 1 } });
    expect(await present(running, oldClosed)).toBe(false);
    expect((await zendesk(running, "GET", "/deleted_tickets")).body.deleted_tickets).toEqual([]);
    for (const kept of [oldHeld, oldOpen, oldSolved, recentClosed]) expect(await present(running, kept), kept).toBe(true);
    const decisions = async (runId: string) => (await listRetentionRunItems(database.db, runId)).map((item) => `${item.action}:${item.recordId}`).sort();
    expect(await decisions(sweep.id)).toEqual(await decisions(preview.run.id));

    const second = await startRetentionSweep(deps, { scheduleId: schedule.id, actor: "test" });
    const secondDone = await pollUntil("the second sweep to end", () => retentionRunDetail(database.db, second.id), {
      until: (detail) => detail.run.status === "completed" || detail.run.status === "failed",
    });
    expect(secondDone.run.counts).toEqual({ found: 1, erase: 0, keep: 1 });
  });
});
