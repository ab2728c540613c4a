import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createdRequestSchema,
  createdWebhookEndpointSchema,
  requestDetailSchema,
  verificationCodeSentSchema,
  webhookEndpointListSchema,
} from "@lethe/contracts";
import type { VerificationCodeMessage } from "@lethe/runtime";
import { jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
const sent: VerificationCodeMessage[] = [];
beforeAll(async () => {
  api = await startApiHarness({ verificationCodeSender: { send: (message) => Promise.resolve(void sent.push(message)) } });
});
afterAll(async () => {
  await api.close();
});

const compliance = () => jsonHeaders(api.credentials.compliance);
const post = (path: string, body: unknown, headers = compliance()) =>
  fetch(`${api.url}/api/v1${path}`, { method: "POST", headers, body: JSON.stringify(body) });

async function fileAccess(email: string): Promise<string> {
  const response = await post("/requests", { type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: email }] });
  const { request } = await readBody(response, createdRequestSchema);
  expect(request.status).toBe("verifying");
  return request.id;
}

describe("identity verification over HTTP", () => {
  it("attests an access request with a note and answers with the verified request", async () => {
    const id = await fileAccess("attest@example.com");
    const response = await post(`/requests/${id}/verification/attest`, { note: "passport checked at the desk" });
    expect(response.status).toBe(200);
    const detail = await readBody(response, requestDetailSchema);
    expect(detail.request.status).toBe("verified");
    expect(detail.identifiers).toEqual([expect.objectContaining({ kind: "email", provenance: "verified", strength: "strong" })]);
    expect(detail.verification).toMatchObject({ method: "attestation", status: "verified", note: "passport checked at the desk", codeExpiresAt: null });
    const again = await post(`/requests/${id}/verification/attest`, { note: "again" });
    expect(again.status).toBe(409);
  });

  it("sends a code that the answer never contains, refuses a wrong one with the attempts left, and verifies with the right one", async () => {
    const id = await fileAccess("code@example.com");
    const early = await post(`/requests/${id}/verification/confirm`, { code: "123456" });
    expect(early.status).toBe(409);
    expect((await readError(early)).details).toEqual({ reason: "no_code" });

    const sentResponse = await post(`/requests/${id}/verification/send-code`, {});
    expect(sentResponse.status).toBe(201);
    const text = await sentResponse.text();
    const code = sent.at(-1)?.code ?? "";
    expect(code).toMatch(/^\d{6}$/);
    expect(text).not.toContain(code);
    verificationCodeSentSchema.parse(JSON.parse(text));

    const wrong = await post(`/requests/${id}/verification/confirm`, { code: code === "999999" ? "999998" : "999999" });
    expect(wrong.status).toBe(422);
    expect(await readError(wrong)).toMatchObject({ code: "verification_failed", details: { reason: "wrong_code", attemptsLeft: 4 } });
    const pending = await readBody(await fetch(`${api.url}/api/v1/requests/${id}`, { headers: compliance() }), requestDetailSchema);
    expect(pending.verification).toMatchObject({ method: "email_code", status: "pending", attempts: 1, codeExpiresAt: expect.any(String) });
    expect(JSON.stringify(pending)).not.toContain(code);

    const right = await post(`/requests/${id}/verification/confirm`, { code });
    expect(right.status).toBe(200);
    expect((await readBody(right, requestDetailSchema)).request.status).toBe("verified");
  });

  it("answers bad input with 4xx and changes nothing", async () => {
    const id = await fileAccess("bad@example.com");
    const cases: Array<[string, unknown, number]> = [
      [`/requests/${id}/verification/attest`, {}, 400],
      [`/requests/${id}/verification/attest`, { note: "   " }, 400],
      [`/requests/${id}/verification/attest`, { note: "ok", extra: 1 }, 400],
      [`/requests/${id}/verification/confirm`, { code: "12345" }, 400],
      [`/requests/${id}/verification/confirm`, { code: "abcdef" }, 400],
      [`/requests/not-a-uuid/verification/attest`, { note: "x" }, 400],
      [`/requests/00000000-0000-4000-8000-000000000000/verification/attest`, { note: "x" }, 404],
    ];
    for (const [path, body, status] of cases) {
      expect({ path, body, status: (await post(path, body)).status }).toEqual({ path, body, status });
    }
    const { request } = await readBody(await post("/requests", { type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "e@example.com" }] }), createdRequestSchema);
    expect((await post(`/requests/${request.id}/verification/send-code`, {})).status).toBe(409);
    const detail = await readBody(await fetch(`${api.url}/api/v1/requests/${id}`, { headers: compliance() }), requestDetailSchema);
    expect(detail.request.status).toBe("verifying");
  });

  it("keeps viewers out of verification", async () => {
    const id = await fileAccess("viewer@example.com");
    expect((await post(`/requests/${id}/verification/attest`, { note: "x" }, jsonHeaders(api.credentials.viewer))).status).toBe(403);
  });
});

describe("webhook endpoints over HTTP", () => {
  it("shows the secret once at creation, lists endpoints without it, and removes them", async () => {
    const admin = jsonHeaders(api.credentials.admin);
    const created = await post("/webhooks", { url: "https://hooks.example.com/lethe", events: ["deadline.overdue"] }, admin);
    expect(created.status).toBe(201);
    const { endpoint, secret } = await readBody(created, createdWebhookEndpointSchema);
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: "https://hooks.example.com/lethe", events: ["deadline.overdue"], enabled: true });

    const listed = await fetch(`${api.url}/api/v1/webhooks`, { headers: admin });
    const listText = await listed.text();
    expect(listText).not.toContain(secret);
    expect(webhookEndpointListSchema.parse(JSON.parse(listText)).endpoints.map((row) => row.id)).toContain(endpoint.id);
    const [stored] = await api.database.sql<Array<{ secret_ciphertext: string }>>`select secret_ciphertext from webhook_endpoints where id = ${endpoint.id}`;
    expect(stored?.secret_ciphertext).not.toContain(secret);

    expect((await fetch(`${api.url}/api/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: admin })).status).toBe(204);
    expect((await fetch(`${api.url}/api/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: admin })).status).toBe(404);
  });

  it("refuses bad endpoints with field-named 400s, and non-admins with 403", async () => {
    const admin = jsonHeaders(api.credentials.admin);
    for (const body of [
      { url: "ftp://hooks.example.com", events: ["deadline.overdue"] },
      { url: "not a url", events: ["deadline.overdue"] },
      { url: "https://hooks.example.com", events: [] },
      { url: "https://hooks.example.com", events: ["request.filed"] },
      { url: "https://hooks.example.com", events: ["deadline.overdue", "deadline.overdue"] },
      { url: "https://hooks.example.com", events: ["deadline.overdue"], secret: "mine" },
    ]) {
      const response = await post("/webhooks", body, admin);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect((await readError(response)).code).toBe("validation_failed");
    }
    expect((await post("/webhooks", { url: "https://h.example.com", events: ["deadline.overdue"] })).status).toBe(403);
    const [count] = await api.database.sql<Array<{ n: number }>>`select count(*)::int as n from webhook_endpoints`;
    expect(count?.n).toBe(0);
  });
});
