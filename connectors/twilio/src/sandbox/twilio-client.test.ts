import { createOracleClient } from "@lethe/connector-testkit";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwilioSandbox, type RunningTwilioSandbox } from "./start-sandbox";

/*
 * Fidelity proven by Twilio's own client: the `twilio` npm package (6.x), unchanged. Only the
 * `api` domain's base URL is pointed at the sandbox (`client.api.baseUrl`, a public field of the
 * library's Domain); the client builds its own paths (`.json` suffixes, `PageSize`, To/From
 * filters), sends its own Basic auth, follows `next_page_uri` itself, parses the sandbox's JSON
 * into its typed instances (RFC 2822 dates into Date) and turns error envelopes into RestException.
 */

let sandbox: RunningTwilioSandbox;
let accountSid: string;
let authToken: string;

beforeAll(async () => {
  sandbox = await startTwilioSandbox({ seed: 5, people: 2 });
  accountSid = String(sandbox.settings.accountSid);
  authToken = String(sandbox.credentials.authToken);
});
afterAll(() => sandbox.stop());

function client(token = authToken) {
  const sdk = twilio(accountSid, token);
  sdk.api.baseUrl = sandbox.url;
  return sdk;
}

/** What the test reads of the client's pages (its own typings give nextPage() a looser type than page()). */
interface ClientPage {
  instances: unknown[];
  nextPage(): Promise<ClientPage> | undefined;
}

function firstPage(pageSize: number): Promise<ClientPage> {
  return client().calls.page({ pageSize });
}

async function subjectWithCalls() {
  const people = await createOracleClient(sandbox.url).people();
  const lists = await Promise.all(
    people
      .filter((person) => person.role === "subject")
      .map(async (person) => {
        const phone = person.identifiers.find((identifier) => identifier.kind === "phone")?.value ?? "";
        const records = await createOracleClient(sandbox.url).records(person.id);
        return { person, phone, records };
      }),
  );
  // The busiest subject: enough calls to page through.
  const busiest = lists.sort((a, b) => b.records.length - a.records.length)[0];
  if (!busiest) throw new Error("no subject");
  return busiest;
}

describe("the official twilio client (6.x) against the sandbox", () => {
  it("fetches the account with Basic auth, and gets RestException 20003 for a wrong token", async () => {
    const account = await client().api.v2010.accounts(accountSid).fetch();
    expect(account.sid).toBe(accountSid);
    await expect(client("0".repeat(32)).api.v2010.accounts(accountSid).fetch()).rejects.toMatchObject({ status: 401, code: 20003, name: expect.any(String) as unknown });
  });

  it("authenticates with an API key and its secret, the account named separately", async () => {
    const sdk = twilio(sandbox.apiKey.sid, sandbox.apiKey.secret, { accountSid });
    sdk.api.baseUrl = sandbox.url;
    expect((await sdk.calls.list({ limit: 3 })).length).toBe(3);
    const wrong = twilio(sandbox.apiKey.sid, "0".repeat(32), { accountSid });
    wrong.api.baseUrl = sandbox.url;
    await expect(wrong.calls.list({ limit: 3 })).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it("lists a subject's calls by to and from, parsing Twilio's dates", async () => {
    const { phone } = await subjectWithCalls();
    const inbound = await client().calls.list({ from: phone });
    const outbound = await client().calls.list({ to: phone });
    expect(inbound.length + outbound.length).toBeGreaterThan(0);
    for (const call of inbound) expect(call.from).toBe(phone);
    for (const call of outbound) expect(call.to).toBe(phone);
    const first = [...inbound, ...outbound][0];
    expect(first?.startTime).toBeInstanceOf(Date);
    expect(Number.isNaN(first?.startTime.getTime())).toBe(false);
    expect(first?.sid).toMatch(/^CA[0-9a-f]{32}$/);
  });

  it("pages by next_page_uri with each and list, pageSize small, without gap or duplicate", async () => {
    const everything = await client().calls.list({ pageSize: 1000 });
    expect(everything.length).toBeGreaterThan(10);
    const pageSize = 7;
    const listed = await client().calls.list({ pageSize });
    const visited: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client().calls.each({ pageSize, done: (error?: Error) => (error ? reject(error) : resolve()) }, (call) => {
        visited.push(call.sid);
      });
    });
    // nextPage() follows the page's next_page_uri; it resolves to undefined on the last page.
    const pages: number[] = [];
    for (let page: ClientPage | undefined = await firstPage(pageSize); page; page = await page.nextPage()) {
      pages.push(page.instances.length);
    }
    const sids = everything.map((call) => call.sid);
    expect(listed.map((call) => call.sid)).toEqual(sids);
    expect(visited).toEqual(sids);
    expect(pages.length).toBe(Math.ceil(sids.length / pageSize));
    expect(pages.slice(0, -1).every((size) => size === pageSize)).toBe(true);
  });

  it("filters calls by start date with the client's startTimeAfter / startTimeBefore (StartTime> / StartTime<)", async () => {
    const everything = await client().calls.list({ pageSize: 1000 });
    const middle = everything.map((call) => call.startTime.getTime()).sort((a, b) => a - b)[Math.floor(everything.length / 2)] ?? 0;
    const day = new Date(new Date(middle).toISOString().slice(0, 10));
    const after = await client().calls.list({ startTimeAfter: day });
    const before = await client().calls.list({ startTimeBefore: day });
    // The client sends an instant (`StartTime>=2026-01-09T00:00:00Z`), a bound on the second, both ends inclusive.
    expect(after.length).toBe(everything.filter((call) => call.startTime >= day).length);
    expect(before.length).toBe(everything.filter((call) => call.startTime <= day).length);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(everything.length);
  });

  it("fetches and removes a recording, its transcription, a call; a second remove is RestException 20404", async () => {
    const sdk = client();
    const recordings = await sdk.recordings.list({ pageSize: 1000 });
    let transcribed: { recording: string; transcription: string; call: string } | undefined;
    for (const recording of recordings) {
      const transcriptions = await sdk.recordings(recording.sid).transcriptions.list();
      const first = transcriptions[0];
      if (first) {
        transcribed = { recording: recording.sid, transcription: first.sid, call: recording.callSid };
        break;
      }
    }
    if (!transcribed) throw new Error("no transcribed recording in the seeded world");

    const transcription = await sdk.transcriptions(transcribed.transcription).fetch();
    expect(transcription.transcriptionText).toEqual(expect.any(String));
    expect(await sdk.transcriptions(transcribed.transcription).remove()).toBe(true);
    await expect(sdk.transcriptions(transcribed.transcription).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });

    const recording = await sdk.recordings(transcribed.recording).fetch();
    expect(recording.callSid).toBe(transcribed.call);
    expect(await sdk.recordings(transcribed.recording).remove()).toBe(true);
    await expect(sdk.recordings(transcribed.recording).remove()).rejects.toMatchObject({ status: 404, code: 20404 });
    const soft = await sdk.recordings(transcribed.recording).fetch({ includeSoftDeleted: true });
    expect(soft.status).toBe("deleted");

    expect((await sdk.calls(transcribed.call).recordings.list()).map((item) => item.sid)).not.toContain(transcribed.recording);
    expect(await sdk.calls(transcribed.call).remove()).toBe(true);
    await expect(sdk.calls(transcribed.call).fetch()).rejects.toMatchObject({ status: 404, code: 20404, moreInfo: expect.stringContaining("20404") as unknown });
  });

  it("lists a subject's messages, their media, and removes media then message", async () => {
    const sdk = client();
    const messages = await sdk.messages.list({ pageSize: 1000 });
    const mms = messages.find((message) => Number(message.numMedia) > 0);
    if (!mms) throw new Error("no MMS in the seeded world");
    const byFrom = await sdk.messages.list({ from: mms.from });
    expect(byFrom.map((message) => message.sid)).toContain(mms.sid);
    expect(byFrom.every((message) => message.from === mms.from)).toBe(true);

    const media = await sdk.messages(mms.sid).media.list();
    expect(media.length).toBe(Number(mms.numMedia));
    const item = media[0];
    if (!item) throw new Error("MMS without media");
    expect(item.contentType).toMatch(/^image\//);
    const fetched = await sdk.messages(mms.sid).media(item.sid).fetch();
    expect(fetched.parentSid).toBe(mms.sid);
    expect(await sdk.messages(mms.sid).media(item.sid).remove()).toBe(true);
    expect(await sdk.messages(mms.sid).media.list()).toEqual([]);
    expect(await sdk.messages(mms.sid).remove()).toBe(true);
    await expect(sdk.messages(mms.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it("meets Twilio's 429 with code 20429 as a RestException once over the limit", async () => {
    const limited = await startTwilioSandbox({ seed: 5, rateLimitPerMinute: 2 });
    try {
      const sdk = twilio(String(limited.settings.accountSid), String(limited.credentials.authToken));
      sdk.api.baseUrl = limited.url;
      await sdk.calls.list({ limit: 1 });
      await sdk.calls.list({ limit: 1 });
      await expect(sdk.calls.list({ limit: 1 })).rejects.toMatchObject({ status: 429, code: 20429 });
    } finally {
      await limited.stop();
    }
  });

  it("gets RestException 20404 for a SID of the wrong shape", async () => {
    const error: unknown = await client().calls("CA-not-a-sid").fetch().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });
});
