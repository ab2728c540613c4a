import recorderConnector from "@lethe/connector-recorder";
import { sandbox as recorderSandbox } from "@lethe/connector-recorder/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { readAuditLog as readSealedAuditLog } from "@lethe/db";
import type { TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { pollUntil } from "../test/poll";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";
import { finishExcludingWeakMatches } from "../test/review-support";
import { unzipAll } from "./export/bundle-test-support";
import { sealAuditLog } from "./audit/seal-audit-log";
import {
  approveConsentRemediation,
  consentGapReport,
  ConsentRemediationRefusedError,
  getConsentSync,
  planConsentRemediation,
  readConsentRemediation,
  startConsentSync,
} from "./consent";
import { fileRequest } from "./file-request";
import { createLegalHold } from "./holds/manage-holds";
import { getRequestDetail } from "./request-detail";
import { attestIdentity } from "./verification";

/*
 * The consent ledger against the recorder sandbox: calls written as a fixture world (who took part,
 * on which channel, what each answered to the recording notice), read into the ledger, the calls
 * lacking consent listed, and remediations approved and carried out — judged by the recorder's own
 * stored audio afterwards.
 */

const start = "2025-03-04T10:00:00Z";
const customer = (phone: string, extra: Record<string, unknown> = {}) => ({ aor: `tel:${phone}`, role: "customer", channel: 0, ...extra });
const agent = { aor: "sip:agent.17@pbx.example.com", name: "Agent 17", role: "agent", channel: 1 };
const talk = (participant: number, text: string) => ({ participant, text });

const fixture = {
  calls: [
    {
      id: "rec_conference",
      startTime: start,
      participants: [
        customer("+447700900101", { consent: "given" }),
        agent,
        // A party conferenced in 3 s into the call on a channel of its own, never told nor asked.
        { aor: "tel:+447700900202", role: "third-party", channel: 2, joinedAtMs: 3000 },
      ],
      lines: [
        talk(1, "Thank you for calling how can I help"),
        talk(0, "I would like to add my husband to the account"),
        talk(2, "Hello this is Tom speaking about the joint account"),
        talk(1, "Thank you Tom I can see the account now"),
        talk(2, "We would like both names on the statements please"),
      ],
    },
    {
      id: "rec_withdrawal",
      startTime: "2025-03-05T09:00:00Z",
      participants: [
        customer("+447700900303", { consent: "given", email: "ada.withdraws@example.org", externalContactId: "CUST-5550303", withdrawnAtMs: 4500 }),
        agent,
      ],
      lines: [
        talk(1, "Good morning you are through to billing"),
        talk(0, "Hi I am calling about my last invoice"),
        talk(0, "Actually please stop recording this call now"),
        talk(1, "Of course I understand"),
        talk(0, "The invoice shows a charge I did not expect"),
        talk(1, "Let me look into that charge for you"),
      ],
    },
    {
      id: "rec_consented",
      startTime: "2025-03-06T09:00:00Z",
      participants: [customer("+447700900404", { consent: "given" }), agent],
      lines: [talk(1, "Hello how can I help"), talk(0, "Just checking my balance thanks")],
    },
    {
      id: "rec_oneparty",
      startTime: "2025-03-07T09:00:00Z",
      // A New Jersey number: one party's consent (the organisation's) is enough.
      participants: [customer("+12015550143", { consent: "none" }), agent],
      lines: [talk(1, "Hello how can I help"), talk(0, "Calling about my order")],
    },
    {
      id: "rec_held",
      startTime: "2025-03-08T09:00:00Z",
      // A California number without consent, on a call a legal hold keeps.
      participants: [customer("+14155550177", { consent: "none" }), agent],
      lines: [talk(1, "Hello how can I help"), talk(0, "I want to dispute a payment")],
    },
  ],
};

const interval = "2025-03-01T00:00:00Z/2025-04-01T00:00:00Z";
let world: SandboxWorld<RunningSandbox>;
let database: TestDatabase;

beforeAll(async () => {
  world = await openSandboxWorld({
    connectors: [recorderConnector],
    startSandbox: () => recorderSandbox.start({ seed: 7, world: fixture, rateLimitPerMinute: 1_000_000, timing: "demo" }),
    instance: { connectorId: "recorder", name: "Call recorder", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2 },
  });
  database = world.database;
  const sync = await startConsentSync(database, world.registry, { instanceId: world.instanceId, interval, actor: "test" });
  const done = await pollUntil("the ledger read to end", () => getConsentSync(database, sync.id), {
    until: (state) => state?.status === "completed" || state?.status === "failed",
    timeoutMs: 60_000,
  });
  expect(done).toMatchObject({ status: "completed", error: null, calls: 5, participants: 11 });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const oracleRecordings = z.object({
  recordings: z.array(z.object({ id: z.string(), durationMs: z.int(), redactions: z.array(z.object({ channel: z.int(), startMs: z.int(), endMs: z.int(), label: z.string() }).loose()) }).loose()),
});

async function recording(id: string) {
  const all = oracleRecordings.parse(await (await fetch(`${world.running.url}/__sandbox/recordings`)).json()).recordings;
  const found = all.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the recorder holds no ${id}`);
  return found;
}

async function media(id: string): Promise<Buffer> {
  const response = await fetch(`${world.running.url}/__sandbox/recordings/${id}/media`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const transcriptSchema = z.object({ utterances: z.array(z.object({ channel: z.int(), startMs: z.int(), text: z.string(), words: z.array(z.object({ word: z.string(), startMs: z.int(), endMs: z.int() }).loose()) }).loose()) });

/** The call's transcript as the recorder serves it through its own API. */
async function transcript(id: string) {
  const { clientId, clientSecret } = world.running.credentials as { clientId: string; clientSecret: string };
  const token = await fetch(`${world.running.url}/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const { access_token: accessToken } = z.object({ access_token: z.string() }).parse(await token.json());
  const response = await fetch(`${world.running.url}/v1/recordings/${id}/transcript`, { headers: { authorization: `Bearer ${accessToken}` } });
  return transcriptSchema.parse(await response.json()).utterances;
}

/** Every sample of `after` equals `before`'s, except `channel` within `[fromMs, toMs)`, which is silent. */
function expectOnlyMuted(before: Buffer, after: Buffer, channel: number, fromMs: number, toMs: number) {
  expect(after.length).toBe(before.length);
  expect(after.subarray(0, 44).equals(before.subarray(0, 44))).toBe(true);
  const channels = before.readUInt16LE(22);
  const rate = before.readUInt32LE(24);
  const frames = (before.length - 44) / (channels * 2);
  const first = Math.floor((fromMs * rate) / 1000);
  const end = Math.min(frames, Math.ceil((toMs * rate) / 1000));
  let changedOutside = 0;
  let loudInside = 0;
  let mutedInside = 0;
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < channels; c++) {
      const offset = 44 + (frame * channels + c) * 2;
      const inside = c === channel && frame >= first && frame < end;
      if (inside) {
        if (after.readInt16LE(offset) !== 0) loudInside++;
        else if (before.readInt16LE(offset) !== 0) mutedInside++;
      } else if (after.readInt16LE(offset) !== before.readInt16LE(offset)) changedOutside++;
    }
  }
  expect({ changedOutside, loudInside }).toEqual({ changedOutside: 0, loudInside: 0 });
  // The party spoke there: muting it changed something.
  expect(mutedInside).toBeGreaterThan(0);
}

async function settledRemediation(id: string) {
  return pollUntil(`remediation ${id} to end`, () => readConsentRemediation(database, id), {
    until: (row) => row !== undefined && ["completed", "retained", "failed"].includes(row.status),
    timeoutMs: 60_000,
  });
}

async function gaps() {
  return (await consentGapReport(database, { limit: 50, offset: 0 })).entries;
}

describe("the consent ledger", () => {
  it("lists exactly the participants lacking consent, with the rule and the stretch", async () => {
    const report = await consentGapReport(database, { limit: 50, offset: 0 });
    const listed = report.entries.map((entry) => `${entry.recordId}:${entry.role}`).sort();
    expect(listed).toEqual(["rec_conference:conference", "rec_held:caller", "rec_withdrawal:caller"]);
    expect(report.total).toBe(3);
    expect(report.summary).toEqual([{ instanceId: world.instanceId, instanceName: "Call recorder", period: "2025-03", participants: 3, calls: 3 }]);

    const conference = report.entries.find((entry) => entry.recordId === "rec_conference");
    const { durationMs } = await recording("rec_conference");
    expect(conference).toMatchObject({ channel: 2, region: "GB", rule: "all-party", joinedAtMs: 3000, consentedAtMs: null, unconsented: [{ fromMs: 3000, toMs: durationMs }] });
    expect(conference?.identifierHints).toEqual([{ kind: "phone", masked: expect.not.stringContaining("900202") as unknown }]);

    const withdrawal = report.entries.find((entry) => entry.recordId === "rec_withdrawal");
    expect(withdrawal).toMatchObject({ channel: 0, consentedAtMs: 400, capture: "dtmf", withdrawnAtMs: 4500 });
    expect((withdrawal?.unconsented as { fromMs: number }[])[0]?.fromMs).toBe(4500);

    // Filters: by period and by system.
    expect((await consentGapReport(database, { limit: 50, offset: 0, from: new Date("2025-03-06T00:00:00Z") })).total).toBe(1);
    expect((await consentGapReport(database, { limit: 50, offset: 0, instanceId: "00000000-0000-4000-8000-000000000000" })).total).toBe(0);
  });

  it("keeps no plaintext identifier of a participant", async () => {
    const rows = await database.sql<Array<{ row: unknown }>>`select to_jsonb(c) as row from consent_ledger c`;
    const text = JSON.stringify(rows);
    for (const secret of ["+447700900202", "447700900303", "ada.withdraws@example.org", "CUST-5550303", "+14155550177"]) expect(text).not.toContain(secret);
  });

  it("reading the same calls again changes nothing", async () => {
    const before = await database.sql`select id, consented, unconsented from consent_ledger order by id`;
    const sync = await startConsentSync(database, world.registry, { instanceId: world.instanceId, interval, actor: "test" });
    await pollUntil("the second read", () => getConsentSync(database, sync.id), { until: (state) => state?.status === "completed", timeoutMs: 60_000 });
    expect(await database.sql`select id, consented, unconsented from consent_ledger order by id`).toEqual(before);
  });

  it("redacts exactly the unconsented conference party's channel from when they joined, once approved", async () => {
    const entry = (await gaps()).find((candidate) => candidate.recordId === "rec_conference");
    if (!entry) throw new Error("the conference party is not listed");
    const before = await media("rec_conference");
    const { durationMs } = await recording("rec_conference");
    const spokenBefore = await transcript("rec_conference");

    const draft = await planConsentRemediation(database, world.registry, { entryId: entry.id, action: "redact-party", actor: "user:officer" });
    expect(draft).toMatchObject({ status: "draft", spans: [{ channel: 2, startMs: 3000, endMs: durationMs }] });
    // A draft changes nothing in the recorder.
    expect((await media("rec_conference")).equals(before)).toBe(true);
    await expect(planConsentRemediation(database, world.registry, { entryId: entry.id, action: "redact-party", actor: "user:officer" })).rejects.toBeInstanceOf(
      ConsentRemediationRefusedError,
    );

    await approveConsentRemediation(database, { id: draft.id, actor: "user:approver" });
    await expect(approveConsentRemediation(database, { id: draft.id, actor: "user:approver" })).rejects.toBeInstanceOf(ConsentRemediationRefusedError);
    const done = await settledRemediation(draft.id);
    expect(done).toMatchObject({ status: "completed", receipt: { outcome: "redacted" }, approvedBy: "user:approver" });

    expectOnlyMuted(before, await media("rec_conference"), 2, 3000, durationMs);
    // Their words are gone from the transcript too; everyone else's are as they were.
    const spokenAfter = await transcript("rec_conference");
    spokenAfter.forEach((utterance, index) => {
      if (utterance.channel === 2) expect(utterance.words.every((word) => word.word === "[REDACTED:no-consent]")).toBe(true);
      else expect(utterance.text).toBe(spokenBefore[index]?.text);
    });
    expect(spokenAfter.filter((utterance) => utterance.channel === 2)).toHaveLength(2);
    expect((await recording("rec_conference")).redactions).toEqual([expect.objectContaining({ channel: 2, startMs: 3000, endMs: durationMs, label: "no-consent" })]);
    expect((await gaps()).find((candidate) => candidate.id === entry.id)).toMatchObject({ remediationStatus: "completed" });

    await sealAuditLog(database.db);
    const audit = (await readSealedAuditLog(database.db)).filter((row) => (row.payload as { remediationId?: string }).remediationId === draft.id);
    expect(audit.map((row) => row.action)).toEqual(["consent.remediation_planned", "consent.remediation_approved", "consent.remediation_completed"]);
  });

  it("drafts the redaction of the rest of the call after a withdrawal by itself, which once approved mutes nothing before it", async () => {
    const entry = (await gaps()).find((candidate) => candidate.recordId === "rec_withdrawal");
    if (!entry?.remediationId) throw new Error("the read drafted no remediation for the withdrawal");
    expect(entry.remediationStatus).toBe("draft");
    // Only withdrawals are drafted without asking; the other gaps wait for an officer.
    expect((await gaps()).filter((candidate) => candidate.remediationId !== null && candidate.recordId !== "rec_conference").map((candidate) => candidate.recordId)).toEqual(["rec_withdrawal"]);
    const before = await media("rec_withdrawal");
    const { durationMs } = await recording("rec_withdrawal");
    const draft = await readConsentRemediation(database, entry.remediationId);
    expect(draft).toMatchObject({ status: "draft", createdBy: "worker", action: "redact-party", spans: [{ channel: 0, startMs: 4500, endMs: durationMs }] });
    await approveConsentRemediation(database, { id: entry.remediationId, actor: "user:officer" });
    expect(await settledRemediation(entry.remediationId)).toMatchObject({ status: "completed" });
    expectOnlyMuted(before, await media("rec_withdrawal"), 0, 4500, durationMs);

    // Reading the calls again drafts nothing more for it.
    const sync = await startConsentSync(database, world.registry, { instanceId: world.instanceId, interval, actor: "test" });
    await pollUntil("the read after the remediation", () => getConsentSync(database, sync.id), { until: (state) => state?.status === "completed", timeoutMs: 60_000 });
    const rows = await database.sql<Array<{ drafts: number }>>`select count(*)::int as drafts from consent_remediations where ledger_entry_id = ${entry.id}`;
    expect(rows[0]?.drafts).toBe(1);
  });

  it("retains a held call and says which hold, changing nothing", async () => {
    const entry = (await gaps()).find((candidate) => candidate.recordId === "rec_held");
    if (!entry) throw new Error("the held call is not listed");
    await createLegalHold(database, world.secretBox, {
      title: "Payment dispute 2025-118",
      basis: "Litigation hold (dispute with the card scheme)",
      owner: "legal",
      selector: { scope: "record", instanceId: world.instanceId, recordType: "recording", recordId: "rec_held" },
      redactNonEssential: false,
      actor: "test",
      defaultRegion: "GB",
    });
    const before = await media("rec_held");
    const draft = await planConsentRemediation(database, world.registry, { entryId: entry.id, action: "delete-recording", actor: "user:officer" });
    await approveConsentRemediation(database, { id: draft.id, actor: "user:officer" });
    const done = await settledRemediation(draft.id);
    expect(done).toMatchObject({ status: "retained", receipt: { outcome: "retained" } });
    expect(done?.heldBy).toContain("Payment dispute 2025-118");
    expect((await media("rec_held")).equals(before)).toBe(true);
  });

  it("refuses a remediation of a consented participant", async () => {
    const [consented] = await database.sql<Array<{ id: string }>>`select id from consent_ledger where consented limit 1`;
    await expect(planConsentRemediation(database, world.registry, { entryId: consented?.id ?? "", action: "redact-party", actor: "test" })).rejects.toThrow(/does not lack consent/);
  });

  it("puts the person's consent evidence into their access bundle", async () => {
    const { id } = await fileRequest(database, {
      type: "access",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: "ada.withdraws@example.org" }],
      timeZone: "Europe/London",
      defaultRegion: "GB",
      actor: "test",
    });
    await attestIdentity(database, { requestId: id, note: "known caller", actor: "test" });
    await finishExcludingWeakMatches(world, id, 60_000);
    const detail = await getRequestDetail(database, id);
    expect(detail?.request.status).toBe("completed");
    const entries = await unzipAll(detail?.exportPath ?? "");
    const evidence = z
      .object({ consentToRecord: z.array(z.object({ recording: z.object({ type: z.string(), id: z.string() }), consented: z.boolean(), withdrawnAtMs: z.int().nullable() }).loose()) })
      .parse(JSON.parse(entries.get("consent-evidence.json")?.toString("utf8") ?? "{}"));
    expect(evidence.consentToRecord).toEqual([expect.objectContaining({ recording: { type: "recording", id: "rec_withdrawal" }, consented: false, withdrawnAtMs: 4500 })]);
    expect(entries.get("index.html")?.toString("utf8")).toContain("Your consent to call recording");
  });
});
