import { parseVerificationPolicy } from "@lethe/core";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileRequest } from "../file-request";
import { getRequestDetail } from "../request-detail";
import { taskNames } from "../tasks/jobs";
import { prepareWorkerSchema } from "../worker-schema";
import { attestIdentity } from "./attest-identity";
import { confirmVerificationCode } from "./confirm-verification-code";
import { sendVerificationCode } from "./send-verification-code";
import type { VerificationCodeMessage, VerificationCodeSender } from "./verification-code-sender";
import { NotVerifyingError, VerificationCodeError } from "./verification-errors";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await prepareWorkerSchema(database);
});
afterAll(async () => {
  await database?.close();
});

const base = { regime: "gdpr" as const, timeZone: "Europe/London", defaultRegion: "GB", actor: "test" };

function capturingSender(): VerificationCodeSender & { sent: VerificationCodeMessage[] } {
  const sent: VerificationCodeMessage[] = [];
  return { sent, send: (message) => Promise.resolve(void sent.push(message)) };
}

async function startJobsOf(requestId: string): Promise<number> {
  const [row] = await database.sql<Array<{ count: number }>>`
    select count(*)::int as count from graphile_worker._private_jobs where key = ${`${taskNames.start}:${requestId}`}
  `;
  return row?.count ?? 0;
}

async function fileAccess(email = "ada.lovelace@example.com"): Promise<string> {
  const { id } = await fileRequest(database, {
    ...base,
    type: "access",
    identifiers: [
      { kind: "email", value: email },
      { kind: "phone", value: "020 7946 0958" },
    ],
  });
  return id;
}

async function refusal(promise: Promise<unknown>): Promise<VerificationCodeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof VerificationCodeError)) throw new Error(`expected a VerificationCodeError, got ${String(error)}`);
  return error;
}

describe("filing a request that needs verification", () => {
  it("puts an access request in verifying with no start job, and an erasure in received with one", async () => {
    const access = await fileAccess();
    const accessDetail = await getRequestDetail(database, access);
    expect(accessDetail?.request.status).toBe("verifying");
    expect(accessDetail?.history.map((entry) => [entry.from, entry.to])).toEqual([
      [null, "received"],
      ["received", "verifying"],
    ]);
    expect(await startJobsOf(access)).toBe(0);

    const { id: erasure } = await fileRequest(database, { ...base, type: "erasure", identifiers: [{ kind: "email", value: "e@example.com" }] });
    expect((await getRequestDetail(database, erasure))?.request.status).toBe("received");
    expect(await startJobsOf(erasure)).toBe(1);
  });

  it("holds an erasure for verification when the policy names erasure", async () => {
    const { id } = await fileRequest(database, {
      ...base,
      type: "erasure",
      identifiers: [{ kind: "email", value: "policy@example.com" }],
      verifyRequestTypes: parseVerificationPolicy("erasure"),
    });
    expect((await getRequestDetail(database, id))?.request.status).toBe("verifying");
    expect(await startJobsOf(id)).toBe(0);
  });
});

describe("staff attestation", () => {
  it("verifies the request, makes the given e-mail verified, keeps the note and enqueues the start job", async () => {
    const id = await fileAccess("attested@example.com");
    await attestIdentity(database, { requestId: id, note: "passport seen at the counter", actor: "user:1" });

    const detail = await getRequestDetail(database, id);
    expect(detail?.request.status).toBe("verified");
    expect(detail?.identifiers.map((identifier) => [identifier.kind, identifier.provenance])).toEqual(
      expect.arrayContaining([
        ["email", "verified"],
        ["phone", "given"],
      ]),
    );
    expect(await startJobsOf(id)).toBe(1);
    const [row] = await database.sql<Array<{ method: string; status: string; note: string; verified_by: string }>>`
      select method, status, note, verified_by from identity_verifications where request_id = ${id}
    `;
    expect(row).toEqual({ method: "attestation", status: "verified", note: "passport seen at the counter", verified_by: "user:1" });
  });

  it("refuses a request that is not waiting for verification, and one attested twice", async () => {
    const { id } = await fileRequest(database, { ...base, type: "erasure", identifiers: [{ kind: "email", value: "n@example.com" }] });
    await expect(attestIdentity(database, { requestId: id, note: "n/a", actor: "test" })).rejects.toBeInstanceOf(NotVerifyingError);

    const access = await fileAccess("twice@example.com");
    await attestIdentity(database, { requestId: access, note: "ok", actor: "test" });
    await expect(attestIdentity(database, { requestId: access, note: "again", actor: "test" })).rejects.toBeInstanceOf(NotVerifyingError);
    expect(await startJobsOf(access)).toBe(1);
  });
});

describe("an e-mail code", () => {
  it("is sent as 6 digits to the given address, stored only as a hash, and verifies the request when read back", async () => {
    const sender = capturingSender();
    const id = await fileAccess("coded@example.com");
    const { expiresAt } = await sendVerificationCode(database, sender, { requestId: id, actor: "test" });

    expect(sender.sent).toHaveLength(1);
    const [message] = sender.sent;
    expect(message?.to).toBe("coded@example.com");
    expect(message?.code).toMatch(/^\d{6}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60 * 1000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
    const stored = await database.sql`select * from identity_verifications where request_id = ${id}`;
    expect(JSON.stringify(stored)).not.toContain(message?.code);
    const audit = await database.sql`select payload from audit_log where request_id = ${id}`;
    expect(JSON.stringify(audit)).not.toContain(message?.code);

    await confirmVerificationCode(database, { requestId: id, code: message?.code ?? "", actor: "test" });
    const detail = await getRequestDetail(database, id);
    expect(detail?.request.status).toBe("verified");
    expect(detail?.identifiers.find((identifier) => identifier.kind === "email")?.provenance).toBe("verified");
    expect(await startJobsOf(id)).toBe(1);
  });

  it("counts wrong codes and fails the verification at the fifth, after which neither the right code nor a new one works", async () => {
    const sender = capturingSender();
    const id = await fileAccess("wrong@example.com");
    await sendVerificationCode(database, sender, { requestId: id, actor: "test" });
    const right = sender.sent[0]?.code ?? "";
    const wrong = right === "000000" ? "000001" : "000000";

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const error = await refusal(confirmVerificationCode(database, { requestId: id, code: wrong, actor: "test" }));
      expect({ reason: error.reason, left: error.attemptsLeft }).toEqual({ reason: "wrong_code", left: 5 - attempt });
    }
    const fifth = await refusal(confirmVerificationCode(database, { requestId: id, code: wrong, actor: "test" }));
    expect(fifth.reason).toBe("attempts_exhausted");
    const [row] = await database.sql<Array<{ status: string; attempts: number; code_hash: string | null }>>`
      select status, attempts, code_hash from identity_verifications where request_id = ${id}
    `;
    expect(row).toEqual({ status: "failed", attempts: 5, code_hash: null });

    expect((await refusal(confirmVerificationCode(database, { requestId: id, code: right, actor: "test" }))).reason).toBe("attempts_exhausted");
    expect((await refusal(sendVerificationCode(database, sender, { requestId: id, actor: "test" }))).reason).toBe("attempts_exhausted");
    expect(sender.sent).toHaveLength(1);
    expect((await getRequestDetail(database, id))?.request.status).toBe("verifying");
    expect(await startJobsOf(id)).toBe(0);
  });

  it("refuses an expired code without counting it, and a confirmation before any code was sent", async () => {
    const sender = capturingSender();
    const id = await fileAccess("late@example.com");
    expect((await refusal(confirmVerificationCode(database, { requestId: id, code: "123456", actor: "test" }))).reason).toBe("no_code");

    const { expiresAt } = await sendVerificationCode(database, sender, { requestId: id, actor: "test" });
    const code = sender.sent[0]?.code ?? "";
    const late = new Date(expiresAt.getTime() + 1);
    expect((await refusal(confirmVerificationCode(database, { requestId: id, code, actor: "test", now: late }))).reason).toBe("expired");
    const [row] = await database.sql<Array<{ attempts: number }>>`select attempts from identity_verifications where request_id = ${id}`;
    expect(row?.attempts).toBe(0);
    expect((await getRequestDetail(database, id))?.request.status).toBe("verifying");
  });

  it("stores nothing when the sender fails", async () => {
    const id = await fileAccess("bounce@example.com");
    const failing: VerificationCodeSender = { send: () => Promise.reject(new Error("mail server down")) };
    await expect(sendVerificationCode(database, failing, { requestId: id, actor: "test" })).rejects.toThrow("mail server down");
    expect(await database.sql`select 1 from identity_verifications where request_id = ${id}`).toHaveLength(0);
  });
});
