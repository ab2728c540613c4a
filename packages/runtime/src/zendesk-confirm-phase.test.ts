import zendeskConnector from "@lethe/connector-zendesk";
import { startZendeskSandbox, type RunningZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import type { TestDatabase } from "@lethe/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { pollUntil } from "../test/poll";
import { identifierOf, oracleOf } from "../test/reference-world";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";
import { fileRequest } from "./file-request";
import { getRequestDetail, type RequestDetail } from "./request-detail";

/*
 * The confirm phase with Zendesk through the engine: the connector soft-deletes and permanently
 * deletes (tickets by `deleted_tickets/destroy_many` jobs it polls through `job_statuses`, the user
 * by `DELETE /deleted_users/:id`), but Zendesk scrubs a permanently deleted user only later (trap
 * 4: renamed "Permanently Deleted User", e-mail and phone nulled). Until the sandbox's clock passes
 * the scrub, the user's receipt stays pending and the request stays executing; then confirm
 * settles it and verify finds no trace. The request then waits in `review` only for its weak
 * matches (the household sharing the subject's phone number), as the engine does for any erasure.
 */

let world: SandboxWorld<RunningZendeskSandbox> | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function openZendeskWorld(confirm: { confirmDeadlineMs?: number }): Promise<SandboxWorld<RunningZendeskSandbox>> {
  world = await openSandboxWorld({
    connectors: [zendeskConnector],
    startSandbox: () => startZendeskSandbox({ seed: 1, rateLimitPerMinute: 1_000_000, scrubDelayMs: 30_000 }),
    instance: { connectorId: "zendesk", name: "Zendesk Support", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2, confirmDelaysMs: [50, 100, 200], ...confirm },
  });
  return world;
}

async function fileErasureOfFirstSubject(database: TestDatabase, running: RunningZendeskSandbox) {
  const oracle = oracleOf(running);
  const subject = (await oracle.people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  const { id } = await fileRequest(database, {
    type: "erasure",
    regime: "gdpr",
    identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    timeZone: "Europe/Berlin",
    defaultRegion: "DE",
    actor: "test",
  });
  return { id, subject, oracle };
}

async function zendesk(running: RunningZendeskSandbox, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${running.url}/api/v2${path}`, { headers: { authorization: `Bearer ${running.admin.oauthAccessToken}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function moveSandboxClock(running: RunningZendeskSandbox, advanceMs: number): Promise<void> {
  const response = await fetch(`${running.url}/__sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceMs }),
  });
  if (!response.ok) throw new Error(`the sandbox clock answered ${response.status}`);
}

const confirmTaskOf = (detail: RequestDetail | null) => detail?.tasks.find((task) => task.phase === "confirm");
const confirmRounds = (detail: RequestDetail | null) => {
  const progress = confirmTaskOf(detail)?.progress;
  return typeof progress === "object" && progress !== null && "rounds" in progress && typeof progress.rounds === "number" ? progress.rounds : 0;
};
/* Weak matches (the household sharing the phone number) wait for review, so the request settles in `review`, not a final status. */
async function settled(database: TestDatabase, id: string): Promise<RequestDetail> {
  const detail = await pollUntil(`request ${id} to settle after its confirm task`, () => getRequestDetail(database, id), {
    until: (current) => current !== null && current.request.status !== "executing" && confirmTaskOf(current)?.status === "done",
    timeoutMs: 60_000,
    intervalMs: 50,
  });
  if (!detail) throw new Error("request vanished");
  return detail;
}
const refsOf = (receipts: RequestDetail["receipts"]) => receipts.map((receipt) => `${receipt.type}/${receipt.id}`).sort();

describe("confirming Zendesk's asynchronous permanent deletions through the engine", () => {
  it("keeps the request executing until Zendesk has scrubbed the deleted user, then confirms it erased and verifies no trace", { timeout: 90_000 }, async () => {
    const { database, running } = await openZendeskWorld({});
    const { id, subject, oracle } = await fileErasureOfFirstSubject(database, running);

    await pollUntil("three confirmation rounds", async () => confirmRounds(await getRequestDetail(database, id)), {
      until: (rounds) => rounds >= 3,
      timeoutMs: 60_000,
      intervalMs: 50,
    });
    const waiting = await getRequestDetail(database, id);
    if (!waiting) throw new Error("request vanished");
    expect(waiting.request.status).toBe("executing");
    expect(waiting.tasks.some((task) => task.phase === "verify")).toBe(false);
    const pending = waiting.receipts.filter((receipt) => receipt.phase === "erase" && receipt.outcome === "pending");
    // The user is permanently deleted but not yet scrubbed: still in deleted users under its name.
    expect(refsOf(pending)).toContain(`user/${subject.id}`);
    const unscrubbed = await zendesk(running, `/deleted_users/${subject.id}`);
    expect(unscrubbed.body.deleted_user).toMatchObject({ id: Number(subject.id) });
    expect((unscrubbed.body.deleted_user as { name: string }).name).not.toBe("Permanently Deleted User");
    expect((await oracle.records(subject.id)).some((record) => record.ref.type === "user")).toBe(true);
    // Tickets went through Zendesk's permanent-deletion jobs, polled through job_statuses.
    const erasedTickets = waiting.receipts.filter((r) => r.phase === "erase" && r.type === "ticket" && r.outcome === "erased");
    expect(erasedTickets.length).toBeGreaterThan(0);
    const stats = await oracle.stats();
    expect(stats.calls["GET /api/v2/job_statuses/:id"]).toBeGreaterThan(0);
    for (const ticket of erasedTickets) expect(stats.deletions[`ticket/${ticket.id}`]).toBe(1);

    await moveSandboxClock(running, 60_000);
    const detail = await settled(database, id);
    // Only the weak matches wait (the household's user and mentions of the shared number).
    expect(detail.request.status).toBe("review");
    expect(detail.history.at(-1)?.reason).toMatch(/weak match\(es\) await review/);
    expect(detail.tasks.map((task) => `${task.phase}:${task.status}`).sort()).toEqual(["confirm:done", "erase:done", "locate:done", "verify:done"]);
    const confirmed = detail.receipts.filter((receipt) => receipt.phase === "confirm");
    expect(refsOf(confirmed)).toEqual(refsOf(pending));
    expect(confirmed.every((receipt) => receipt.outcome === "erased")).toBe(true);
    expect(detail.tasks.find((task) => task.phase === "verify")?.progress).toMatchObject({ stillPresent: 0 });

    const scrubbed = await zendesk(running, `/deleted_users/${subject.id}`);
    expect(scrubbed.body.deleted_user).toMatchObject({ name: "Permanently Deleted User", email: null, phone: null });
    expect((await zendesk(running, `/users/${subject.id}`)).status).toBe(404);
    const left = await oracle.records(subject.id);
    expect(left.filter((record) => ["user", "identity", "ticket"].includes(record.ref.type))).toEqual([]);
    expect((await oracle.stats()).deletions[`user/${subject.id}`]).toBe(1);
  });

  it("gives up at the deadline and leaves the unscrubbed user pending, never confirmed", { timeout: 90_000 }, async () => {
    const { database, running } = await openZendeskWorld({ confirmDeadlineMs: 400 });
    const { id, subject } = await fileErasureOfFirstSubject(database, running);

    const detail = await settled(database, id);
    expect(detail.request.status).toBe("review");
    const pending = detail.receipts.filter((receipt) => receipt.phase === "erase" && receipt.outcome === "pending");
    expect(refsOf(pending)).toContain(`user/${subject.id}`);
    expect(detail.receipts.some((receipt) => receipt.phase === "confirm")).toBe(false);
    expect(confirmTaskOf(detail)).toMatchObject({ status: "done", progress: { gaveUp: true, pending: pending.length } });
    // Zendesk has not scrubbed the user: deleted users still carry the name (the oracle agrees).
    expect((await oracleOf(running).records(subject.id)).filter((record) => record.ref.type === "user")).toEqual([
      expect.objectContaining({ store: "soft-deleted" }),
    ]);
    const deleted = await zendesk(running, `/deleted_users/${subject.id}`);
    expect((deleted.body.deleted_user as { name: string }).name).not.toBe("Permanently Deleted User");
  });
});
