import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { vendorToken, useSeededRecorder } from "../../test/recorder-context";
import { errorBody, jobRecord, recordingRecord, searchPage } from "../vendor/records";
import { startRecorderSandbox } from "./start-sandbox";

const seeded = useSeededRecorder();
let token: string;

beforeEach(async () => {
  token = await vendorToken(seeded.sandbox);
});

const day = 24 * 60 * 60 * 1000;

function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${seeded.sandbox.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function search(participant: Record<string, string>, extra: Record<string, unknown> = {}) {
  const response = await api("/v1/recordings:search", { method: "POST", body: { participant, ...extra } });
  const page = searchPage.parse(await response.json());
  return { ...page, entities: page.entities.map((entity) => recordingRecord.parse(entity)) };
}

async function subjectPhone() {
  const subject = (await seeded.oracle.people()).find((p) => p.role === "subject");
  return subject?.identifiers.find((i) => i.kind === "phone")?.value ?? "";
}

describe("the recorder sandbox's API", () => {
  it("grants tokens to the client only, and refuses them once expired on the seeded.sandbox clock", async () => {
    const refused = await fetch(`${seeded.sandbox.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("lethe-sandbox:wrong").toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });
    expect((await api("/v1/organization")).status).toBe(200);
    await seeded.oracle.moveClock({ advanceMs: day });
    const expired = await api("/v1/organization");
    expect(expired.status).toBe(401);
    expect(errorBody.parse(await expired.json()).code).toBe("authentication.token.expired");
  });

  it("pages a search with an opaque cursor, every recording once, in id order", async () => {
    const phone = await subjectPhone();
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search({ phone }, { pageSize: 10, includeDeleted: true, ...(cursor ? { cursor } : {}) });
      ids.push(...page.entities.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await api("/v1/recordings:search", { method: "POST", body: { participant: { phone }, cursor: "bogus" } })).status).toBe(400);
  });

  it("matches phone numbers on their last ten digits, as telephony indexes do, so another country's twin answers too", async () => {
    const phone = await subjectPhone();
    const twin = `+44${phone.slice(2)}`;
    const aorsFor = async (number: string) => {
      const aors: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search({ phone: number }, { pageSize: 25, ...(cursor ? { cursor } : {}) });
        aors.push(...page.entities.flatMap((e) => e.participants.map((p) => p.aor)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return aors;
    };
    expect((await aorsFor(phone)).some((aor) => aor.startsWith(`tel:${twin}`))).toBe(true);
    expect((await aorsFor(twin)).some((aor) => aor.startsWith(`tel:${phone}`))).toBe(true);
  });

  it("hides recordings whose media is deleted unless includeDeleted is true", async () => {
    const deleted = (await seeded.truth.recordings()).find((r) => r.fileState === "DELETED");
    const recording = recordingRecord.parse(await (await api(`/v1/recordings/${deleted?.id}`)).json());
    const customer = recording.participants.find((p) => p.role === "customer");
    const externalId = customer?.externalContactId ?? "";
    expect((await search({ externalId })).entities.map((e) => e.id)).not.toContain(recording.id);
    expect((await search({ externalId }, { includeDeleted: true })).entities.map((e) => e.id)).toContain(recording.id);
    expect((await api(`/v1/recordings/${recording.id}/media`)).status).toBe(410);
  });

  it("serves stereo 8 kHz WAV media with its length, and byte ranges as 206", async () => {
    const [first] = (await search({ phone: await subjectPhone() })).entities;
    const whole = await api(`/v1/recordings/${first?.id}/media?format=wav`);
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(whole.headers.get("content-type")).toMatch(/^audio\/wav/);
    expect(bytes.length).toBe(first?.contentLength);
    expect([bytes.readUInt16LE(22), bytes.readUInt32LE(24), bytes.readUInt16LE(34)]).toEqual([2, 8000, 16]);
    const part = await api(`/v1/recordings/${first?.id}/media`, { headers: { range: "bytes=40-47" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 40-47/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(40, 48))).toBe(true);
    expect((await api(`/v1/recordings/${first?.id}/media?format=mp3`)).status).toBe(415);
  });

  it("refuses a deletion job over a held recording, and runs others PENDING → PROCESSING → FULFILLED on the clock", async () => {
    const [first, second] = (await search({ phone: await subjectPhone() })).entities.filter((e) => !e.legalHold);
    const hold = await api("/v1/legal-holds?protect=true", { method: "PUT", body: { recordingIds: [first?.id], holdId: "LH-TEST", basis: "test" } });
    expect(hold.status).toBe(204);
    const refused = await api("/v1/jobs", { method: "POST", body: { action: "DELETE", recordingIds: [first?.id, second?.id] } });
    expect(refused.status).toBe(409);
    expect(errorBody.parse(await refused.json())).toMatchObject({ code: "recording.deletion.protected", details: [{ entityId: first?.id }] });

    const created = await api("/v1/jobs", { method: "POST", body: { action: "DELETE", recordingIds: [second?.id] } });
    expect(created.status).toBe(202);
    const job = jobRecord.parse(await created.json());
    const state = async () => jobRecord.parse(await (await api(`/v1/jobs/${job.id}`)).json()).state;
    expect(job.state).toBe("PENDING");
    await seeded.oracle.moveClock({ advanceMs: 61_000 });
    expect(await state()).toBe("PROCESSING");
    expect(recordingRecord.parse(await (await api(`/v1/recordings/${second?.id}`)).json()).fileState).toBe("DELETED");
    await seeded.oracle.moveClock({ advanceMs: 5 * 60_000 });
    expect(await state()).toBe("FULFILLED");
    expect((await api(`/v1/recordings/${second?.id}`)).status).toBe(404);
    expect((await seeded.oracle.stats()).deletions).toEqual({ [`recording/${second?.id}`]: 1, [`transcript/${second?.id}`]: 1, [`consent/${second?.id}`]: 1 });
  });

  it("records retention dates, refusing a delete date on a held recording", async () => {
    const held = (await seeded.truth.recordings()).find((r) => r.legalHold);
    const free = (await search({ phone: await subjectPhone() })).entities.find((e) => !e.legalHold);
    const deleteDate = "2031-01-01T00:00:00.000Z";
    const updated = await api(`/v1/recordings/${free?.id}/retention`, { method: "PUT", body: { deleteDate } });
    expect(recordingRecord.parse(await updated.json()).retention.deleteDate).toBe(deleteDate);
    expect((await api(`/v1/recordings/${held?.id}/retention`, { method: "PUT", body: { deleteDate } })).status).toBe(409);
  });

  it("answers over the rate limit with 429 and a Retry-After in seconds", async () => {
    const limited = await startRecorderSandbox({ seed: 1, rateLimitPerMinute: 2 });
    try {
      const limitedToken = await vendorToken(limited);
      const call = () => fetch(`${limited.url}/v1/organization`, { headers: { authorization: `Bearer ${limitedToken}` } });
      expect((await call()).status).toBe(200);
      await call();
      const throttled = await call();
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(errorBody.parse(await throttled.json()).code).toBe("too.many.requests");
    } finally {
      await limited.stop();
    }
  });

  it("injects faults per route label, including on the token endpoint", async () => {
    await seeded.oracle.injectFault({ route: "POST /oauth/token", kind: "status", status: 503 });
    expect((await fetch(`${seeded.sandbox.url}/oauth/token`, { method: "POST" })).status).toBe(503);
    await seeded.oracle.injectFault({ route: "GET /v1/recordings/:id", kind: "malformed" });
    const [first] = (await search({ phone: await subjectPhone() })).entities;
    const body = z.record(z.string(), z.unknown()).parse(await (await api(`/v1/recordings/${first?.id}`)).json());
    expect(recordingRecord.safeParse(body).success).toBe(false);
  });
});
