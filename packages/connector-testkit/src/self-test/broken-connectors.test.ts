import type { AnyConnector, RunningSandbox } from "@lethe/connector-sdk";
import referenceConnector from "@lethe/connector-reference";
import referenceSandbox from "@lethe/connector-reference/sandbox";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { conformanceCheck, type CheckId } from "../checks/catalog";
import { ConformanceFailure } from "../checks/findings";
import { createConformanceHarness } from "../harness/conformance-harness";
import {
  answeringTwice,
  droppingMalformedRecords,
  erasingMentions,
  loggingIdentifiers,
  matchingBystanders,
  neverMentioningTheSubject,
  readingBackActiveRecordsOnly,
  rectifyingNothing,
  redactingByDeletion,
  redactingTheWholeText,
  restrictingNothing,
  softDeleteClaimingHardDelete,
} from "./broken-connectors";

/*
 * The suite's checks must fail for connectors with the faults they exist to catch. Each broken
 * connector runs its group's checks against one shared reference sandbox; each check resets it.
 */

const seed = 7;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await referenceSandbox.start({ seed, rateLimitPerMinute: 1_000_000 });
});

afterAll(async () => {
  await sandbox.stop();
});

function run(id: CheckId, connector: AnyConnector): Promise<void> {
  return conformanceCheck(id).run(createConformanceHarness(connector, sandbox, seed));
}

describe("the conformance checks against broken connectors", () => {
  it("fail a connector that only moves erased records to the trash but receipts them erased", async () => {
    const broken = softDeleteClaimingHardDelete(referenceConnector);

    const failure = await run("erase.oracle-confirms", broken).catch((error: unknown) => error);

    assert(failure instanceof ConformanceFailure, `expected a ConformanceFailure, got ${String(failure)}`);
    expect(failure.message).toMatch(/still in the soft-deleted store after a hard erase receipted "erased"/);
    // Every subject's records are reported, not only the first one found.
    expect(failure.findings.length).toBeGreaterThan(6);
  });

  it("fail a connector that deletes another person's record mentioning the subject, or redacts more than the subject's identifiers", async () => {
    await expect(run("mentions.redacted-not-erased", erasingMentions(referenceConnector))).rejects.toThrow(/disappeared: another person's record was deleted instead of redacted/);
    await expect(run("mentions.redacted-not-erased", redactingTheWholeText(referenceConnector))).rejects.toThrow(/body lost content that was not the subject's/);
  });

  it("fail a connector whose readBack misses the trash, claims a redaction it did not check, or answers a ref twice", async () => {
    await expect(run("read-back.erased-absent", readingBackActiveRecordsOnly(referenceConnector))).rejects.toThrow(/reads back absent, yet the vendor still holds it \(the oracle lists it\)/);
    await expect(run("read-back.redacted-mention-kept", neverMentioningTheSubject(referenceConnector))).rejects.toThrow(/mentions the subject, yet reads back mentionsSubject false before redaction/);
    await expect(run("read-back.located-present", answeringTwice(referenceConnector))).rejects.toThrow(/readBack answered twice for/);
  });

  it("fail a connector that receipts rectifications it never made", async () => {
    await expect(run("rectify.fields-updated", rectifyingNothing(referenceConnector))).rejects.toThrow(/: (name|email|phone) does not hold its new value/);
  });

  it("fail a connector that receipts restrictions the vendor never recorded", async () => {
    await expect(run("restrict.marks-and-lifts", restrictingNothing(referenceConnector))).rejects.toThrow(/the oracle reports person\/\w+ not restricted/);
  });

  it("fail a connector that deletes held records it was asked to redact", async () => {
    await expect(run("redact.kept-without-identifiers", redactingByDeletion(referenceConnector))).rejects.toThrow(/was deleted instead of redacted: a legal hold keeps it/);
  });

  it("fail a connector that matches a bystander's records as strong", async () => {
    const broken = matchingBystanders(referenceConnector);

    await expect(run("locate.bystanders-never-strong", broken)).rejects.toThrow(/of bystander per_\w+ was matched strong/);
    await expect(run("locate.match-strength", broken)).rejects.toThrow(/strong match through a phone other people of the world also hold/);
  });

  it("fail a connector that drops malformed vendor answers instead of raising VendorContractError", async () => {
    const broken = droppingMalformedRecords(referenceConnector);

    await expect(run("faults.malformed-locate", broken)).rejects.toThrow(/must fail with VendorContractError, but succeeded/);
    await expect(run("faults.malformed-export", broken)).rejects.toThrow(/must fail with VendorContractError, but succeeded/);
  });

  it("fail a connector whose declaration keeps its token in settings or claims an erase it does not implement", async () => {
    const tokenInSettings: AnyConnector = {
      ...referenceConnector,
      settings: z.object({ baseUrl: z.url(), apiToken: z.string().optional() }),
    };
    const withoutErase: AnyConnector = { ...referenceConnector, erase: undefined };

    await expect(run("declaration.no-secret-in-settings", tokenInSettings)).rejects.toThrow(
      /settings has a field "apiToken", which is also a secrets field/,
    );
    await expect(run("declaration.capabilities-match-operations", withoutErase)).rejects.toThrow(
      /declares erase but implements no erase operation/,
    );
  });

  it("fail a connector that declares a card sweep or recording audio it does not implement, or audio of an unknown record type", async () => {
    const sweepless: AnyConnector = { ...referenceConnector, capabilities: { ...referenceConnector.capabilities, cardSweep: true } };
    const undeclaredAudio: AnyConnector = { ...referenceConnector, openRecordingAudio: async () => undefined };
    const unknownType: AnyConnector = {
      ...undeclaredAudio,
      capabilities: { ...referenceConnector.capabilities, recordingAudio: { recordType: "voicemail" } },
    };

    await expect(run("declaration.capabilities-match-operations", sweepless)).rejects.toThrow(
      /declares cardSweep but implements no sweepCardNumbers operation/,
    );
    await expect(run("declaration.capabilities-match-operations", undeclaredAudio)).rejects.toThrow(
      /implements openRecordingAudio but does not declare recordingAudio/,
    );
    await expect(run("declaration.capabilities-match-operations", unknownType)).rejects.toThrow(
      /declares recording audio for record type "voicemail", which has no schema/,
    );
  });

  it("fail consent evidence that misses the subjects' calls, puts facts outside the call, or changes data", async () => {
    const firstContact = { type: Object.keys(referenceConnector.recordSchemas)[0] ?? "contact", id: "lethe-conformance-made-up" };
    const inventing: AnyConnector = {
      ...referenceConnector,
      capabilities: { ...referenceConnector.capabilities, consentEvidence: true },
      readConsentEvidence: async function* () {
        yield {
          calls: [
            {
              ref: firstContact,
              startedAt: "2025-01-01T00:00:00Z",
              durationMs: 1000,
              participants: [{ participantId: "p", role: "caller" as const, identifiers: [{ kind: "name" as const, value: "Somebody" }], channel: 0, joinedAtMs: 0, facts: [{ kind: "given" as const, atMs: 5000 }] }],
            },
          ],
          nextCursor: null,
        };
      },
    };
    const failure = await run("consent-evidence.covers-subject-calls", inventing).catch((error: unknown) => error);
    assert(failure instanceof ConformanceFailure, `expected a ConformanceFailure, got ${String(failure)}`);
    expect(failure.message).toMatch(/given at 5000 ms is outside the call/);
    expect(failure.message).toMatch(/is identified by a name/);
    expect(failure.message).toMatch(/is missing from the consent evidence/);

    const erasing: AnyConnector = {
      ...inventing,
      readConsentEvidence: async function* (ctx) {
        // Reading must not change anything; this one erases a subject's records as it goes.
        const people = (await (await fetch(`${sandbox.url}/__sandbox/people`)).json()) as { people: Array<{ id: string; role: string }> };
        const subject = people.people.find((person) => person.role === "subject");
        const records = subject ? ((await (await fetch(`${sandbox.url}/__sandbox/people/${subject.id}/records`)).json()) as { records: Array<{ ref: { type: string; id: string } }> }).records : [];
        const erase = referenceConnector.erase?.bind(referenceConnector);
        if (erase) for await (const receipt of erase(ctx as never, records.slice(0, 1).map((record) => record.ref), { action: "erase" })) void receipt;
        yield { calls: [], nextCursor: null };
      },
    };
    await expect(run("consent-evidence.resumes-and-reads-only", erasing)).rejects.toThrow(/reading consent evidence changed per_\w+'s data/);
  });

  it("fail a connector that logs the subject's identifiers at info", async () => {
    const broken = loggingIdentifiers(referenceConnector);

    await expect(run("hygiene.logs", broken)).rejects.toThrow(/the info line "Locating subject" holds subject per_\w+'s email/);
  });
});
