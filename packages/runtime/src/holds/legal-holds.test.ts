import { enqueueJob, getLegalHold, getRequest, listReceipts } from "@lethe/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../../test/poll";
import { identifierOf, type OraclePerson } from "../../test/reference-world";
import { waitForStatus } from "../../test/wait-for-status";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../../test/world-with-worker";
import { fileRequest } from "../file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "../plan";
import { createLegalHold, endHold } from "./manage-holds";
import { releaseHoldsJob, releaseHoldsTaskName } from "./release-holds-job";

/*
 * Issue 4, "Done when": a recording-like record under a record-level hold is retained with its
 * basis on the receipt while everything else of the subject is erased; ending the hold erases it
 * without a new request. And the rule hold of the issue: recordings of calls tagged
 * `transaction`, 5 years from the call, MiFID II Art. 16(7). Through the engine and the reference
 * connector's sandbox, whose oracle says what the "vendor" still holds.
 */

let world: ReferenceWorldWithWorker;
let people: OraclePerson[];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker();
  people = await world.oracle.people();
});
afterAll(async () => {
  await world?.close();
});

const subjects = () => people.filter((person) => person.role === "subject");
const refKey = (ref: { type: string; id: string }) => `${ref.type}/${ref.id}`;

/**
 * Files an erasure by the subject's e-mail and carries it to its end: the household's phone-only
 * matches wait in review and are excluded (they are not the subject's), then the plan is approved.
 */
async function eraseSubject(subject: OraclePerson): Promise<string> {
  const { id } = await fileRequest(world.database, {
    type: "erasure",
    regime: "gdpr",
    timeZone: "Europe/London",
    defaultRegion: "GB",
    actor: "test",
    identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
  });
  const closed = ["completed", "partially_completed"];
  const status = await waitForStatus(world.database, id, ["review", ...closed]);
  if (status === "review") {
    const pending = (await getRequestPlan(world.database, id))?.items.filter((item) => item.review === "pending") ?? [];
    await reviewPlan(world, { requestId: id, actor: "user:reviewer", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
    await approvePlan(world, { requestId: id, actor: "user:reviewer" });
    await waitForStatus(world.database, id, closed);
  }
  return id;
}

async function planItemOf(requestId: string, ref: { type: string; id: string }) {
  const [row] = await world.database.sql<Array<{ action: string; reason: string; hold_id: string | null; retain_until: string | Date | null }>>`
    select p.action, p.reason, p.hold_id, p.retain_until from plan_items p
    join located_records l on l.id = p.located_record_id
    where p.request_id = ${requestId} and l.record_type = ${ref.type} and l.record_id = ${ref.id}`;
  return row;
}

const requestCount = async () => (await world.database.sql`select count(*)::int as n from requests`)[0]!.n as number;

describe("legal holds through the engine", () => {
  it("retains a held call with its basis on the receipt while the rest is erased, and erases it when the hold ends", async () => {
    const subject = subjects()[0]!;
    const before = await world.oracle.records(subject.id);
    const call = before.find((record) => record.ref.type === "call") ?? before.find((record) => record.ref.type === "attachment");
    if (!call) throw new Error("the first subject has no call or attachment to hold");
    expect(before.length).toBeGreaterThan(1);

    const hold = await createLegalHold(world.database, world.secretBox, {
      title: "Recording in dispute 7",
      basis: "Art. 17(3)(e) GDPR: defence of legal claims",
      owner: "Legal",
      selector: { scope: "record", instanceId: world.instanceId, recordType: call.ref.type, recordId: call.ref.id },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "GB",
    });

    const requestId = await eraseSubject(subject);
    // Complete: keeping what a hold requires, with its basis on the receipt, is part of a lawful erasure.
    expect((await getRequest(world.database.db, requestId))?.status).toBe("completed");
    const left = await world.oracle.records(subject.id);
    expect(left.map((record) => refKey(record.ref))).toEqual([refKey(call.ref)]);

    const eraseReceipts = await listReceipts(world.database.db, { requestId, phase: "erase" });
    const heldReceipt = eraseReceipts.find((row) => refKey({ type: row.recordType, id: row.recordId }) === refKey(call.ref));
    expect(heldReceipt).toMatchObject({ outcome: "retained", hold: { id: hold.id, basis: "Art. 17(3)(e) GDPR: defence of legal claims" } });
    expect(eraseReceipts.filter((row) => row !== heldReceipt).every((row) => row.outcome !== "retained")).toBe(true);
    expect(await planItemOf(requestId, call.ref)).toMatchObject({ action: "retain", hold_id: hold.id });
    expect(await getLegalHold(world.database.db, hold.id)).toMatchObject({ retainedRecords: 1, releasedRecords: 0 });
    const requestsBefore = await requestCount();

    await endHold(world.database, { holdId: hold.id, reason: "dispute settled", actor: "user:legal" });
    await pollUntil("the release", async () => (await planItemOf(requestId, call.ref))?.action === "erase");

    expect(await world.oracle.records(subject.id)).toEqual([]);
    const [release] = await listReceipts(world.database.db, { requestId, phase: "release" });
    expect(release).toMatchObject({ recordType: call.ref.type, recordId: call.ref.id, outcome: "erased", hold: { id: hold.id } });
    expect((await listReceipts(world.database.db, { requestId, phase: "verify" })).filter((row) => row.outcome === "still-present")).toEqual([]);
    expect((await planItemOf(requestId, call.ref))?.reason).toMatch(/^hold "Recording in dispute 7" ended/);
    expect(await getLegalHold(world.database.db, hold.id)).toMatchObject({ retainedRecords: 0, releasedRecords: 1 });
    expect(await requestCount()).toBe(requestsBefore);

    const audit = await world.database.sql<Array<{ payload: unknown }>>`
      select payload from audit_log where action = 'hold.released' and request_id = ${requestId}`;
    expect(audit.map((row) => row.payload)).toEqual([
      { holdId: hold.id, instanceId: world.instanceId, cause: "ended", released: 1, reverified: true, stillPresent: 0 },
    ]);
    const allAudit = JSON.stringify(await world.database.sql`select payload from audit_log where action like 'hold.%'`);
    for (const identifier of subject.identifiers) expect(allAudit).not.toContain(identifier.value);

    // A second run finds nothing left to do and erases nothing twice.
    const deletions = (await world.oracle.stats()).deletions;
    await enqueueJob(world.database.db, releaseHoldsJob());
    // A run that succeeded leaves no job behind (a failed one stays queued for its retry).
    await pollUntil("the second release run", async () => {
      const [left] = await world.database.sql<Array<{ n: number }>>`
        select count(*)::int as n from graphile_worker.jobs where task_identifier = ${releaseHoldsTaskName}`;
      return left?.n === 0;
    });
    expect((await world.oracle.stats()).deletions).toEqual(deletions);
    expect(await listReceipts(world.database.db, { requestId, phase: "release" })).toHaveLength(1);
  });

  it("keeps calls tagged transaction for 5 years from the call under MiFID II Art. 16(7), then erases them", async () => {
    const now = Date.now();
    const fiveYears = (occurredAt: string) => {
      const until = new Date(occurredAt);
      until.setUTCFullYear(until.getUTCFullYear() + 5);
      return until;
    };
    // The vendor's own view of each call (its tags and time), to pick a subject with a transaction
    // call recent enough to be kept.
    const vendorCall = async (id: string) => {
      const response = await fetch(`${world.running.url}/api/calls/${id}`, {
        headers: { authorization: `Bearer ${(world.running.credentials as { apiToken: string }).apiToken}` },
      });
      return (await response.json()) as { tags: string[]; occurredAt: string };
    };
    let subject: OraclePerson | undefined;
    for (const candidate of subjects().slice(1)) {
      const calls = (await world.oracle.records(candidate.id)).filter((record) => record.ref.type === "call");
      for (const call of calls) {
        const seen = await vendorCall(call.ref.id);
        if (seen.tags.includes("transaction") && fiveYears(seen.occurredAt).getTime() > now + 86_400_000) subject = candidate;
      }
      if (subject) break;
    }
    if (!subject) throw new Error("no subject with a transaction call of the last five years");

    const hold = await createLegalHold(world.database, world.secretBox, {
      title: "MiFID call recordings",
      basis: "MiFID II Art. 16(7)",
      owner: "Compliance",
      selector: { scope: "rule", connectorId: "reference", recordType: "call", tag: "transaction", retainYears: 5 },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "GB",
    });
    const requestId = await eraseSubject(subject);

    // What the connector reported about each of the subject's calls decides (the household's calls,
    // found by the shared phone, were excluded in review): tagged transaction and younger than 5 years.
    const facts = await world.database.sql<Array<{ record_id: string; facts: { tags?: string[]; occurredAt?: string } }>>`
      select record_id, facts from located_records
      where request_id = ${requestId} and record_type = 'call' and strength = 'strong'`;
    const kept = facts.filter(
      (row) => row.facts.tags?.includes("transaction") && row.facts.occurredAt && fiveYears(row.facts.occurredAt).getTime() > now,
    );
    expect(kept.length).toBeGreaterThan(0);
    const left = await world.oracle.records(subject.id);
    expect(left.map((record) => refKey(record.ref)).sort()).toEqual(kept.map((row) => `call/${row.record_id}`).sort());
    for (const row of kept) {
      const item = await planItemOf(requestId, { type: "call", id: row.record_id });
      expect(item).toMatchObject({ action: "retain", hold_id: hold.id });
      expect(new Date(item?.retain_until ?? 0).toISOString()).toBe(fiveYears(row.facts.occurredAt!).toISOString());
    }
    const retained = (await listReceipts(world.database.db, { requestId, phase: "erase" })).filter((row) => row.outcome === "retained");
    expect(retained.map((row) => row.recordId).sort()).toEqual(kept.map((row) => row.record_id).sort());
    for (const row of retained) {
      expect(row.hold).toMatchObject({ id: hold.id, basis: "MiFID II Art. 16(7)" });
      const occurredAt = kept.find((keptRow) => keptRow.record_id === row.recordId)!.facts.occurredAt!;
      expect(row.detail).toBe(`held by "MiFID call recordings" (MiFID II Art. 16(7)) until ${fiveYears(occurredAt).toISOString()}`);
    }

    // Five years pass for these calls (their retention runs out); the periodic release erases them.
    await world.database.sql`update plan_items set retain_until = now() - interval '1 minute' where request_id = ${requestId} and action = 'retain'`;
    await enqueueJob(world.database.db, releaseHoldsJob());
    await pollUntil("the rule release", async () => (await world.oracle.records(subject.id)).length === 0);
    await pollUntil("the items to change", async () => {
      const items = await Promise.all(kept.map((row) => planItemOf(requestId, { type: "call", id: row.record_id })));
      return items.every((item) => item?.action === "erase" && /retention period ran out/.test(item.reason));
    });
    const releases = await listReceipts(world.database.db, { requestId, phase: "release" });
    expect(releases.map((row) => row.outcome)).toEqual(kept.map(() => "erased"));
    // The hold itself stays in force for other calls.
    expect(await getLegalHold(world.database.db, hold.id)).toMatchObject({ endedAt: null, releasedRecords: kept.length });
  });

  it("releases a record the vendor already deleted (a crash after the delete, before the receipt) as already-absent, once", async () => {
    const subject = subjects()[3]!;
    const call = (await world.oracle.records(subject.id)).find((record) => record.ref.type === "call");
    if (!call) throw new Error("the fourth subject has no call");
    const hold = await createLegalHold(world.database, world.secretBox, {
      title: "Complaint recording",
      basis: "Art. 17(3)(e) GDPR",
      owner: "Legal",
      selector: { scope: "record", instanceId: world.instanceId, recordType: "call", recordId: call.ref.id },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "GB",
    });
    const requestId = await eraseSubject(subject);
    expect(await planItemOf(requestId, call.ref)).toMatchObject({ action: "retain", hold_id: hold.id });

    // The vendor deleted the call, and the worker died before it could store the receipt.
    const vendor = (method: string, path: string) =>
      fetch(`${world.running.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${(world.running.credentials as { apiToken: string }).apiToken}` },
      });
    expect((await vendor("DELETE", `/api/calls/${call.ref.id}`)).status).toBe(204);
    expect((await vendor("DELETE", `/api/trash/calls/${call.ref.id}`)).status).toBe(204);

    await endHold(world.database, { holdId: hold.id, reason: "complaint closed", actor: "user:legal" });
    await pollUntil("the release", async () => (await planItemOf(requestId, call.ref))?.action === "erase");
    const releases = await listReceipts(world.database.db, { requestId, phase: "release" });
    expect(releases.map((row) => [row.recordId, row.outcome])).toEqual([[call.ref.id, "already-absent"]]);
    expect((await listReceipts(world.database.db, { requestId, phase: "verify" })).filter((row) => row.outcome === "still-present")).toEqual([]);
  });

  it("a person hold keeps everything of the subject, matched by keyed hash, until it ends — released even after minimisation", async () => {
    const subject = subjects()[4]!;
    const before = await world.oracle.records(subject.id);
    expect(before.length).toBeGreaterThan(1);
    const hold = await createLegalHold(world.database, world.secretBox, {
      title: "Litigation hold",
      basis: "Art. 17(3)(e) GDPR",
      owner: "Legal",
      // Written differently from how the request gives it: both are normalised before hashing.
      selector: { scope: "person", identifiers: [{ kind: "email", value: ` ${identifierOf(subject, "email").toUpperCase()} ` }] },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "GB",
    });
    const requestId = await eraseSubject(subject);
    expect((await world.oracle.records(subject.id)).map((record) => refKey(record.ref)).sort()).toEqual(
      before.map((record) => refKey(record.ref)).sort(),
    );
    const retained = (await listReceipts(world.database.db, { requestId, phase: "erase" })).filter((row) => row.outcome === "retained");
    expect(retained).toHaveLength(before.length);
    expect(retained.every((row) => (row.hold as { id?: string } | null)?.id === hold.id)).toBe(true);

    // Holds often outlast a request's retention: its identifiers are gone (minimised) by the time
    // the hold ends. The release erases by record reference all the same, and says it could not
    // search the system again.
    await world.database.sql`delete from subject_identifiers where request_id = ${requestId}`;
    await endHold(world.database, { holdId: hold.id, reason: "litigation over", actor: "user:legal" });
    await pollUntil("the release", async () => (await world.oracle.records(subject.id)).length === 0);
    await pollUntil("the counts", async () => {
      const counted = await getLegalHold(world.database.db, hold.id);
      return counted?.retainedRecords === 0 && counted.releasedRecords === before.length;
    });
    const [audit] = await world.database.sql<Array<{ payload: { reverified: boolean; released: number } }>>`
      select payload from audit_log where action = 'hold.released' and request_id = ${requestId}`;
    expect(audit?.payload).toMatchObject({ reverified: false, released: before.length });
  });
});
