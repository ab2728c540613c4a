import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { pollUntil } from "../test/poll";
import { identifierOf, oracleOf } from "../test/reference-world";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";
import { waitForStatus } from "../test/wait-for-status";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { getRequestDetail, type RequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";

const day = 24 * 60 * 60 * 1000;

let world: SandboxWorld<RunningSandbox> | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A database, the recorder sandbox (its deletion jobs run on its own clock), an instance on it, and a worker. */
async function openRecorderWorld(confirm: { confirmDeadlineMs?: number }): Promise<SandboxWorld<RunningSandbox>> {
  world = await openSandboxWorld({
    connectors: [recorderConnector],
    startSandbox: () => recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000 }),
    instance: { connectorId: "recorder", name: "Call recorder", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2, confirmDelaysMs: [50, 100, 200], ...confirm },
  });
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

/**
 * The phone found on the subject's calls finds more calls in locate round 1, weak matches that
 * wait in review once the rest of the erasure has run; a reviewer excludes them and approves, and
 * the request closes as it would have without them.
 */
async function excludeWeakMatchesOnceInReview(id: string): Promise<void> {
  const current = world;
  if (!current) throw new Error("no world open");
  await waitForStatus(current.database, id, "review", { intervalMs: 50 });
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
    await pollUntil("three confirmation rounds", async () => confirmRounds(await getRequestDetail(database, id)), {
      until: (rounds) => rounds >= 3,
      intervalMs: 50,
    });
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
