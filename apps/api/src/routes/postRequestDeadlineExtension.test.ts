import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdRequestSchema, requestDetailSchema } from "@lethe/contracts";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

const day = 24 * 60 * 60 * 1000;
const notice = { channel: "email", text: "Your request is complex; we will answer by the new date." };

async function fileErasure(regime: "gdpr" | "ccpa", receivedAt = new Date()): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/requests`, {
    method: "POST",
    headers: jsonHeaders(api.credentials.compliance),
    body: JSON.stringify({ type: "erasure", regime, identifiers: [{ kind: "email", value: `${regime}@example.com` }], receivedAt: receivedAt.toISOString() }),
  });
  return (await readBody(response, createdRequestSchema)).request.id;
}

function extend(id: string, body: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1/requests/${id}/extend-deadline`, {
    method: "POST",
    headers: jsonHeaders(api.credentials.compliance),
    body: JSON.stringify(body),
  });
}

async function extensionRows(id: string): Promise<number> {
  const [row] = await api.database.sql<Array<{ n: number }>>`select count(*)::int as n from deadline_extensions where request_id = ${id}`;
  return row?.n ?? 0;
}

describe("extending a deadline", () => {
  it("lets a GDPR deadline grow by two months in steps, recording each notice, and refuses a third month", async () => {
    const id = await fileErasure("gdpr");
    const first = await extend(id, { additional: { unit: "month", amount: 1 }, reason: "many systems", notice });
    expect(first.status).toBe(200);
    const second = await extend(id, { additional: { unit: "month", amount: 1 }, reason: "still many", notice: { channel: "post", text: "A second month." } });
    const detail = await readBody(second, requestDetailSchema);
    expect(detail.request.extension).toEqual({ unit: "month", amount: 2 });
    expect(detail.extensions.map((extension) => [extension.reason, extension.notice])).toEqual([
      ["many systems", notice],
      ["still many", { channel: "post", text: "A second month." }],
    ]);
    const third = await extend(id, { additional: { unit: "month", amount: 1 }, reason: "more", notice });
    expect(third.status).toBe(422);
    expect(await readError(third)).toMatchObject({ code: "invalid_extension", details: { reason: "beyond_limit" } });
    expect(await extensionRows(id)).toBe(2);
  });

  it("refuses a GDPR extension notified after the first month", async () => {
    const id = await fileErasure("gdpr", new Date(Date.now() - 40 * day));
    const late = await extend(id, { additional: { unit: "month", amount: 1 }, reason: "late", notice });
    expect(late.status).toBe(422);
    expect(await readError(late)).toMatchObject({ code: "invalid_extension", details: { reason: "notice_too_late" } });
    expect(await extensionRows(id)).toBe(0);
  });

  it("extends a CCPA deadline once, and refuses a second grant even within the 45 days", async () => {
    const id = await fileErasure("ccpa");
    expect((await extend(id, { additional: { unit: "day", amount: 20 }, reason: "volume", notice })).status).toBe(200);
    const again = await extend(id, { additional: { unit: "day", amount: 10 }, reason: "volume", notice });
    expect(again.status).toBe(422);
    expect(await readError(again)).toMatchObject({ code: "invalid_extension", details: { reason: "already_extended" } });
    const months = await extend(await fileErasure("ccpa"), { additional: { unit: "month", amount: 1 }, reason: "x", notice });
    expect(await readError(months)).toMatchObject({ code: "invalid_extension", details: { reason: "unit_mismatch" } });
  });

  it("needs the notice's channel and text, and refuses a notice dated in the future", async () => {
    const id = await fileErasure("gdpr");
    for (const body of [
      { additional: { unit: "month", amount: 1 }, reason: "x" },
      { additional: { unit: "month", amount: 1 }, reason: "x", notice: { channel: "pigeon", text: "hi" } },
      { additional: { unit: "month", amount: 1 }, reason: "x", notice: { channel: "email", text: " " } },
      { additional: { unit: "month", amount: 1 }, reason: "x", notice, noticeAt: new Date(Date.now() + day).toISOString() },
    ]) {
      const response = await extend(id, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(await extensionRows(id)).toBe(0);
  });
});
