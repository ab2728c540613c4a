import { access as fileAt } from "node:fs/promises";
import { identifierHash } from "@lethe/core";
import { getRequest, listSubjectIdentifiers } from "@lethe/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, type OraclePerson } from "../../test/reference-world";
import { runToEnd } from "../../test/run-to-end";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../../test/world-with-worker";
import { verifyAuditLog } from "../audit-verification";
import { fileRequest } from "../file-request";
import { extendRequestDeadline } from "../request-actions";
import { identifierHashKey } from "../identifier-hash-key";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { createOutboundGuard } from "../outbound/outbound-guard";
import { attestIdentity } from "../verification";
import { dumpDatabase } from "./database-dump";
import { minimiseTask } from "./minimise-task";

let world: ReferenceWorldWithWorker;
let people: OraclePerson[];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker();
  people = await world.oracle.people();
});
afterAll(async () => {
  await world?.close();
});

const base = { regime: "gdpr" as const, timeZone: "Europe/London", defaultRegion: "GB", actor: "test" };

function deps(retentionDays: number): RuntimeDependencies {
  return {
    database: world.database,
    registry: world.registry,
    secretBox: world.secretBox,
    exportDirectory: world.exportDirectory,
    log: () => {},
    logLevel: "info",
    outbound: createOutboundGuard(),
    requestRetentionDays: retentionDays,
  };
}

async function runMinimise(retentionDays: number) {
  const task = minimiseTask(deps(retentionDays));
  await task({}, { abortSignal: new AbortController().signal } as never);
}

/** Every spelling of an identifier a dump could hold it in. */
function spellings(value: string): string[] {
  return [value, value.toLowerCase(), value.replace(/^\+/, "")];
}

describe("minimisation of Lethe's own data", () => {
  it("leaves no plaintext identifier of a closed request's subject in a full database dump, keeps hashes, deletes the bundle, and the audit chain verifies", async () => {
    const subjects = people.filter((person) => person.role === "subject");
    const [erased, exported, stillOpen] = subjects;
    if (!erased || !exported || !stillOpen) throw new Error("the sandbox has fewer than three subjects");
    const erasedIdentifiers = [identifierOf(erased, "email"), identifierOf(erased, "phone")];
    const exportedEmail = identifierOf(exported, "email");

    const erasure = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [
        { kind: "email", value: erasedIdentifiers[0] ?? "" },
        { kind: "phone", value: erasedIdentifiers[1] ?? "" },
      ],
    });
    const accessRequest = await fileRequest(world.database, { ...base, type: "access", identifiers: [{ kind: "email", value: exportedEmail }] });
    // A deadline notice whose text names the person: the record that notice was given stays, its text goes.
    await extendRequestDeadline(world.database, {
      requestId: accessRequest.id,
      additional: { unit: "month", amount: 1 },
      reason: "many systems to search",
      noticeAt: new Date(),
      notice: { channel: "email", text: `Dear ${exportedEmail}, we need one more month.` },
      actor: "test",
    });
    await attestIdentity(world.database, { requestId: accessRequest.id, note: "passport seen at the desk", actor: "test" });
    await runToEnd(world, [erasure.id, accessRequest.id], { timeoutMs: 60_000 });
    const bundle = (await getRequest(world.database.db, accessRequest.id))?.exportPath;
    expect(bundle).toBeTruthy();
    await fileAt(bundle ?? "");

    // A request still under way keeps its identifiers: minimisation is for closed requests only.
    const open = await fileRequest(world.database, { ...base, type: "access", identifiers: [{ kind: "email", value: identifierOf(stillOpen, "email") }] });

    // Within the retention period nothing happens.
    await runMinimise(730);
    expect((await listSubjectIdentifiers(world.database.db, erasure.id)).length).toBeGreaterThan(0);

    const before = await dumpDatabase(world.database);
    for (const value of [...erasedIdentifiers, exportedEmail]) expect(before.text).toContain(value);

    await runMinimise(0);

    const after = await dumpDatabase(world.database);
    for (const value of [...erasedIdentifiers, exportedEmail]) {
      for (const spelling of spellings(value)) expect(after.text, `${after.tool} dump still holds an identifier`).not.toContain(spelling);
    }
    // The open request was left alone.
    expect(after.text).toContain(identifierOf(stillOpen, "email"));
    expect((await listSubjectIdentifiers(world.database.db, open.id)).length).toBe(1);

    // What is kept instead: the keyed hashes, on the suppression list.
    const key = identifierHashKey(world);
    for (const [kind, value] of [["email", erasedIdentifiers[0]], ["phone", erasedIdentifiers[1]], ["email", exportedEmail]] as const) {
      expect(after.text).toContain(identifierHash(key, kind, value ?? ""));
    }
    await expect(fileAt(bundle ?? "")).rejects.toThrow();
    const minimised = await getRequest(world.database.db, erasure.id);
    expect(minimised?.minimisedAt).toBeInstanceOf(Date);
    expect(minimised?.status).toBe("completed");
    expect((await verifyAuditLog(world.database)).ok).toBe(true);

    // Running again changes nothing and fails on nothing.
    await runMinimise(0);
    expect((await verifyAuditLog(world.database)).ok).toBe(true);
  }, 120_000);

  it("flags a new request for a person on the suppression list (a restored backup, a returning customer)", async () => {
    const subject = people.filter((person) => person.role === "subject")[0];
    if (!subject) throw new Error("the sandbox has no subject");
    const email = identifierOf(subject, "email");
    const key = identifierHashKey(world);
    const again = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [{ kind: "email", value: email.toUpperCase() }],
      identifierHashKey: key,
    });
    expect((await getRequest(world.database.db, again.id))?.suppressionMatches).toBe(1);
    const stranger = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [{ kind: "email", value: "nobody-erased@example.org" }],
      identifierHashKey: key,
    });
    expect((await getRequest(world.database.db, stranger.id))?.suppressionMatches).toBe(0);
    await runToEnd(world, [again.id, stranger.id], { timeoutMs: 60_000 });
  }, 90_000);

  it("flags a request whose locate finds, on a system's records, an identifier of a person on the suppression list", async () => {
    // The access request of the first test was minimised, but the vendor still holds that person
    // (an access request erases nothing): asked for by phone alone, their record reveals the
    // suppressed e-mail address.
    const subject = people.filter((person) => person.role === "subject")[1];
    if (!subject) throw new Error("the sandbox has no second subject");
    const byPhone = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [{ kind: "phone", value: identifierOf(subject, "phone") }],
      identifierHashKey: identifierHashKey(world),
    });
    expect((await getRequest(world.database.db, byPhone.id))?.suppressionMatches).toBe(0);
    await runToEnd(world, [byPhone.id], { timeoutMs: 60_000 });
    expect((await getRequest(world.database.db, byPhone.id))?.suppressionMatches).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
