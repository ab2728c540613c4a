import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { listReceipts } from "@lethe/db";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { pollUntil } from "../test/poll";
import { identifierOf, oracleOf } from "../test/reference-world";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";
import { waitForStatus } from "../test/wait-for-status";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { getRequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";

/*
 * "A completion you can prove" (issue 12): a call the recorder holds is planned `retain` with the
 * recorder's basis before anything runs, and a request is `completed` only when every record it
 * erased was read back from the vendor and found gone.
 */

const day = 24 * 60 * 60 * 1000;

let world: SandboxWorld<RunningSandbox> | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function openRecorderWorld(): Promise<SandboxWorld<RunningSandbox>> {
  world = await openSandboxWorld({
    connectors: [recorderConnector],
    startSandbox: () => recorderSandbox.start({ seed: 1, rateLimitPerMinute: 1_000_000 }),
    instance: { connectorId: "recorder", name: "Call recorder", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2, confirmDelaysMs: [50, 100, 200] },
  });
  return world;
}

const oracleRecordings = z.object({
  recordings: z.array(
    z.object({
      id: z.string(),
      legalHold: z.object({ holdId: z.string(), basis: z.string() }).loose().nullable(),
      participants: z.array(z.object({ personId: z.string().nullable() }).loose()),
    }).loose(),
  ),
});

async function recordingsOf(running: RunningSandbox, personId: string) {
  const body = oracleRecordings.parse(await (await fetch(`${running.url}/__sandbox/recordings`)).json());
  return body.recordings.filter((recording) => recording.participants.some((participant) => participant.personId === personId));
}

async function sandboxPost(running: RunningSandbox, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${running.url}/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`the sandbox's ${path} answered ${response.status}`);
}

/** Files the first subject's erasure by e-mail, lets the jobs run, excludes the weak matches and waits for the end. */
async function eraseFirstSubject(current: SandboxWorld<RunningSandbox>, beforeJobsRun?: (requestId: string) => Promise<void>) {
  const oracle = oracleOf(current.running);
  const subject = (await oracle.people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  const { id } = await fileRequest(current.database, {
    type: "erasure",
    regime: "gdpr",
    identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    timeZone: "Europe/Berlin",
    defaultRegion: "DE",
    actor: "test",
  });
  // Erase has submitted the deletion jobs (confirmation waits on them) before the recorder's clock
  // moves a day on, and they run.
  await pollUntil("the deletion jobs submitted", async () => await getRequestDetail(current.database, id), {
    until: (detail) => detail?.tasks.some((task) => task.phase === "confirm") ?? false,
    intervalMs: 50,
  });
  if (beforeJobsRun) await beforeJobsRun(id);
  await sandboxPost(current.running, "clock", { advanceMs: day });
  // The phone found on the subject's calls finds further calls (weak, in review): excluded.
  await waitForStatus(current.database, id, "review", { intervalMs: 50 });
  const pending = (await getRequestPlan(current.database, id))?.items.filter((item) => item.review === "pending") ?? [];
  await reviewPlan(current, { requestId: id, actor: "test", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
  await approvePlan(current, { requestId: id, actor: "test" });
  await waitForRequests(current.database, [id], { timeoutMs: 30_000 });
  const detail = await getRequestDetail(current.database, id);
  if (!detail) throw new Error("request vanished");
  return { id, subject, detail };
}

describe("a completion you can prove", () => {
  it("plans the recorder's held calls `retain` with the recorder's basis before execution, and completes with them retained", async () => {
    const current = await openRecorderWorld();
    let planBeforeJobsRan: Awaited<ReturnType<typeof getRequestPlan>> = null;
    const { id, subject, detail } = await eraseFirstSubject(current, async (requestId) => {
      planBeforeJobsRan = await getRequestPlan(current.database, requestId);
    });
    const held = (await recordingsOf(current.running, subject.id)).filter((recording) => recording.legalHold !== null);
    expect(held.length).toBeGreaterThan(0);

    // Before any deletion job ran, each held call's three records were already planned and
    // approved `retain`, naming the recorder's basis.
    const plan = planBeforeJobsRan as Awaited<ReturnType<typeof getRequestPlan>>;
    // Strong matches (found by the e-mail) were approved at once; weak ones waited for review.
    const heldStrong = held.filter((recording) => plan?.items.some((item) => item.recordId === recording.id && item.review === "none"));
    expect(heldStrong.length).toBeGreaterThan(0);
    for (const recording of heldStrong) {
      const basis = recording.legalHold?.basis ?? "";
      const items = plan?.items.filter((item) => item.recordId === recording.id) ?? [];
      expect(items.map((item) => item.type).sort()).toEqual(["consent", "recording", "transcript"]);
      for (const item of items) {
        expect(item).toMatchObject({ action: "retain", approvedAction: "retain", hold: null, vendorHold: { basis, id: recording.legalHold?.holdId } });
        expect(item.reason).toContain(basis);
      }
    }

    // The receipts name the basis; the recorder still has the calls; nothing is claimed erased.
    const receipts = await listReceipts(current.database.db, { requestId: id, phase: "erase" });
    for (const recording of heldStrong) {
      const mine = receipts.filter((row) => row.recordId === recording.id);
      expect(mine).toHaveLength(3);
      for (const row of mine) {
        expect(row.outcome).toBe("retained");
        expect(row.hold).toMatchObject({ basis: recording.legalHold?.basis, id: recording.legalHold?.holdId });
        expect(row.detail).toContain(recording.legalHold?.basis ?? "");
      }
    }
    const remaining = (await recordingsOf(current.running, subject.id)).map((recording) => recording.id);
    expect(remaining).toEqual(expect.arrayContaining(heldStrong.map((recording) => recording.id)));
    const erased = detail.receipts.filter((receipt) => receipt.phase === "confirm" && receipt.outcome === "erased");
    expect(remaining.some((recordingId) => erased.some((receipt) => receipt.id === recordingId))).toBe(false);
    expect(detail.request.status).toBe("completed");
    // Every erased record was read back by id and found gone.
    const verified = detail.receipts.filter((receipt) => receipt.phase === "verify" && receipt.outcome === "verified");
    expect(erased.length).toBeGreaterThan(0);
    expect(verified.map((receipt) => `${receipt.type}/${receipt.id}`).sort()).toEqual(erased.map((receipt) => `${receipt.type}/${receipt.id}`).sort());
  });

  it("does not call a request completed when the vendor's deletion job reports success but leaves records: it names them", async () => {
    const current = await openRecorderWorld();
    // Every deletion job from now on reports FULFILLED, but leaves the transcripts and consent events.
    await sandboxPost(current.running, "jobs", { leavePartsNext: 100 });
    const { subject, detail } = await eraseFirstSubject(current);

    const confirmed = detail.receipts.filter((receipt) => receipt.phase === "confirm");
    expect(confirmed.length).toBeGreaterThan(0);
    // The vendor said the job was fulfilled and the recordings are gone: the connector believed it.
    expect(confirmed.every((receipt) => receipt.outcome === "erased")).toBe(true);
    const left = (await oracleOf(current.running).records(subject.id)).filter((record) => confirmed.some((receipt) => receipt.id === record.ref.id));
    const leftRefs = left.map((record) => `${record.ref.type}/${record.ref.id}`).sort();
    expect(leftRefs.length).toBeGreaterThan(0);
    expect(left.every((record) => record.ref.type === "transcript" || record.ref.type === "consent")).toBe(true);

    expect(detail.request.status).toBe("partially_completed");
    const stillPresent = detail.receipts.filter((receipt) => receipt.phase === "verify" && receipt.outcome === "still-present");
    expect(stillPresent.map((receipt) => `${receipt.type}/${receipt.id}`).sort()).toEqual(leftRefs);
    const reason = detail.history.at(-1)?.reason ?? "";
    expect(reason).toMatch(new RegExp(`${leftRefs.length} record\\(s\\) were still present after erasure`));
    for (const ref of leftRefs) expect(reason).toContain(ref);
    expect(reason).toContain("next: have the vendor delete them");
    expect(detail.request.outcome).toMatchObject({
      stillPresent: leftRefs.length,
      stillPresentRecords: expect.arrayContaining(left.map((record): unknown => expect.objectContaining({ type: record.ref.type, id: record.ref.id }))),
    });
    expect((detail.request.outcome as { stillPresentRecords: unknown[] }).stillPresentRecords).toHaveLength(leftRefs.length);
  });
});
