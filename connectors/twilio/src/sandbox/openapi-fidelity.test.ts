import { listenOnLoopback, type ListeningSandbox } from "@lethe/sandbox-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxApp } from "./app";
import { servedVendorRoutes, type ServedRoute } from "./fidelity/served-routes";
import { findOperation, loadTwilioSpec, pathParameters, queryParameterNames, ResponseValidators, type FoundOperation } from "./fidelity/vendored-spec";
import { SandboxState } from "./sandbox-state";

/*
 * Every route the sandbox serves, held to Twilio's own OpenAPI description of the 2010-04-01 API
 * (spec/twilio_api_v2010.json): the route exists there with that method, its path parameters'
 * SID patterns are enforced (a malformed SID is Twilio's 404), the query parameters the sandbox
 * honours are the spec's, and real responses validate against the spec's schemas — closed and
 * complete, so a missing or invented field fails — across pages of list envelopes.
 */

const authToken = "f".repeat(32);
const spec = loadTwilioSpec();
const validators = new ResponseValidators(spec);
let state: SandboxState;
let served: ListeningSandbox;
let routes: ServedRoute[];
/** The recording the DELETE test removed account-wide, whose metadata lingers. */
let softDeleted: string | undefined;

beforeAll(async () => {
  state = new SandboxState({ seed: 11, extraPeople: 12, rateLimitPerMinute: 1_000_000, authToken, apiKey: { sid: `SK${"1".repeat(32)}`, secret: "s".repeat(32) } });
  const app = createSandboxApp(state);
  routes = servedVendorRoutes(app);
  served = await listenOnLoopback(app);
});
afterAll(() => served.stop());

/**
 * The sandbox's binary routes: recording audio and message media files. Twilio serves them, but
 * its OpenAPI description covers only the JSON API; each is checked to sit beside a JSON route of
 * the spec (the resource whose file it is) and to answer with the file's content type.
 */
const fileRoutes: Record<string, { jsonTwin: string; contentType: RegExp }> = {
  "/2010-04-01/Accounts/:AccountSid/Recordings/:Sid.wav": { jsonTwin: "/2010-04-01/Accounts/:AccountSid/Recordings/:Sid.json", contentType: /^audio\// },
  "/2010-04-01/Accounts/:AccountSid/Recordings/:Sid.mp3": { jsonTwin: "/2010-04-01/Accounts/:AccountSid/Recordings/:Sid.json", contentType: /^audio\// },
  "/2010-04-01/Accounts/:AccountSid/Messages/:MessageSid/Media/:Sid": { jsonTwin: "/2010-04-01/Accounts/:AccountSid/Messages/:MessageSid/Media/:Sid.json", contentType: /^image\// },
};

/** The query parameters the sandbox honours on each route (filters and paging). */
const honouredQuery: Record<string, string[]> = {
  "GET /2010-04-01/Accounts/:AccountSid/Calls.json": ["To", "From", "Status", "ParentCallSid", "StartTime", "StartTime>", "StartTime<", "PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Messages.json": ["To", "From", "DateSent", "DateSent>", "DateSent<", "PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Recordings.json": ["CallSid", "DateCreated", "DateCreated>", "DateCreated<", "IncludeSoftDeleted", "PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Transcriptions.json": ["PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Calls/:CallSid/Recordings.json": ["PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Recordings/:RecordingSid/Transcriptions.json": ["PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Messages/:MessageSid/Media.json": ["PageSize", "Page", "PageToken"],
  "GET /2010-04-01/Accounts/:AccountSid/Recordings/:Sid.json": ["IncludeSoftDeleted"],
};

function authorization(): string {
  return `Basic ${Buffer.from(`${state.accountSid}:${authToken}`).toString("base64")}`;
}

async function request(method: string, path: string): Promise<Response> {
  return fetch(`${served.url}${path}`, { method, headers: { authorization: authorization() } });
}

type SampleIds = ReturnType<typeof sampleIds>;
/** Recordings and messages already taken by a test: each DELETE gets records no other request needs. */
const taken = new Set<string>();

/** A transcribed recording with its call, and an MMS with its media, none of them taken before. */
function sampleIds() {
  const world = state.world;
  const transcription = world.transcriptions.find((item) => !taken.has(item.recordingSid));
  const recording = world.recordings.find((item) => item.sid === transcription?.recordingSid);
  const media = world.media.find((item) => !taken.has(item.messageSid));
  if (!transcription || !recording || !media) throw new Error("the seeded world has too few transcribed recordings or MMS");
  taken.add(recording.sid);
  taken.add(media.messageSid);
  return { call: recording.callSid, recording: recording.sid, transcription: transcription.sid, message: media.messageSid, media: media.sid };
}

const readIds = () => readOnly ?? (readOnly = sampleIds());
let readOnly: SampleIds | undefined;

/** Fills an Express path with real SIDs: `:Sid` takes the kind of the collection before it. */
function concretePath(path: string, ids: SampleIds): string {
  const byCollection: Record<string, string> = { Calls: ids.call, Recordings: ids.recording, Transcriptions: ids.transcription, Messages: ids.message, Media: ids.media };
  return path.replace(/(\w+)\/:(\w+)/g, (_whole, collection: string, name: string) => {
    if (name === "AccountSid") return `${collection}/${state.accountSid}`;
    const value = { CallSid: ids.call, RecordingSid: ids.recording, MessageSid: ids.message }[name] ?? byCollection[collection];
    if (value === undefined) throw new Error(`no sample SID for :${name} after ${collection}`);
    return `${collection}/${value}`;
  });
}

function operationOf(route: ServedRoute): FoundOperation {
  const found = findOperation(spec, route.path, route.method);
  if (!found) throw new Error(`${route.method} ${route.path} is not in Twilio's OpenAPI description`);
  return found;
}

describe("the sandbox's routes against Twilio's OpenAPI description (2010-04-01)", () => {
  it("serves the Twilio routes the connector needs, each of them in the spec (files beside their JSON resource)", () => {
    const labels = routes.map((route) => `${route.method} ${route.path}`);
    expect(labels.length).toBeGreaterThanOrEqual(18);
    for (const route of routes) {
      const file = fileRoutes[route.path];
      if (file) {
        expect(route.method).toBe("GET");
        expect(findOperation(spec, file.jsonTwin, "GET"), `${route.path}'s JSON twin`).toBeDefined();
      } else {
        expect(findOperation(spec, route.path, route.method), `${route.method} ${route.path}`).toBeDefined();
      }
    }
    // The exceptions are exactly the file routes, all of them served.
    expect(routes.filter((route) => fileRoutes[route.path]).map((route) => route.path).sort()).toEqual(Object.keys(fileRoutes).sort());
  });

  it("honours only query parameters the spec declares for the route", () => {
    for (const [label, names] of Object.entries(honouredQuery)) {
      const [method = "", path = ""] = label.split(" ");
      expect(routes.some((route) => route.method === method && route.path === path), `${label} is served`).toBe(true);
      const declared = queryParameterNames(operationOf({ method: method as ServedRoute["method"], path }));
      for (const name of names) expect(declared, `${label} ?${name}`).toContain(name);
    }
  });

  it("answers every GET with the status and body the spec gives it", async () => {
    const ids = readIds();
    const invalid: Record<string, unknown> = {};
    for (const route of routes.filter((candidate) => candidate.method === "GET")) {
      const response = await request("GET", concretePath(route.path, ids));
      const label = `GET ${route.path}`;
      expect(response.status, label).toBe(200);
      const file = fileRoutes[route.path];
      if (file) {
        expect(response.headers.get("content-type"), label).toMatch(file.contentType);
        expect((await response.arrayBuffer()).byteLength, label).toBeGreaterThan(0);
        continue;
      }
      const validate = validators.forResponse(operationOf(route), 200);
      if (!validate) throw new Error(`${label}: the spec gives 200 no JSON body`);
      const body: unknown = await response.json();
      if (!validate(body)) invalid[label] = validate.errors?.map((error) => `${error.instancePath} ${error.message ?? ""} ${JSON.stringify(error.params)}`);
    }
    // All routes' differences at once, rather than the first route's alone.
    expect(invalid).toEqual({});
  });

  it("pages list envelopes by next_page_uri with page_size, each page valid, without gap or duplicate", async () => {
    const calls = routes.find((route) => route.method === "GET" && route.path.endsWith("/Calls.json"));
    if (!calls) throw new Error("Calls.json is not served");
    const validate = validators.forResponse(operationOf(calls), 200);
    if (!validate) throw new Error("no schema for ListCall");
    const base = `/2010-04-01/Accounts/${state.accountSid}/Calls.json`;
    const all = (await (await request("GET", `${base}?PageSize=1000`)).json()) as { calls: { sid: string }[]; next_page_uri: string | null };
    expect(all.next_page_uri).toBeNull();
    expect(all.calls.length).toBeGreaterThan(6);

    const seen: string[] = [];
    let next: string | null = `${base}?PageSize=3`;
    let pageNumber = 0;
    while (next) {
      const response = await request("GET", next);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { calls: { sid: string }[]; page: number; page_size: number; next_page_uri: string | null; previous_page_uri: string | null; first_page_uri: string };
      expect(validate(page) ? [] : validate.errors).toEqual([]);
      expect(page).toMatchObject({ page: pageNumber, page_size: 3 });
      if (pageNumber === 0) expect(page.previous_page_uri).toBeNull();
      else expect(page.previous_page_uri).toContain(`Page=${String(pageNumber - 1)}`);
      expect(page.first_page_uri).toContain("PageSize=3");
      seen.push(...page.calls.map((call) => call.sid));
      next = page.next_page_uri;
      pageNumber += 1;
    }
    expect(pageNumber).toBe(Math.ceil(all.calls.length / 3));
    expect(seen).toEqual(all.calls.map((call) => call.sid));
  });

  it("filters Calls and Messages by the spec's To and From, exactly", async () => {
    const call = state.world.calls[0];
    const message = state.world.messages[0];
    if (!call || !message) throw new Error("empty world");
    const account = `/2010-04-01/Accounts/${state.accountSid}`;
    const byTo = (await (await request("GET", `${account}/Calls.json?To=${encodeURIComponent(call.to)}&PageSize=1000`)).json()) as { calls: { to: string }[] };
    expect(byTo.calls.length).toBe(state.world.calls.filter((candidate) => candidate.to === call.to).length);
    expect(byTo.calls.every((found) => found.to === call.to)).toBe(true);
    const byFrom = (await (await request("GET", `${account}/Messages.json?From=${encodeURIComponent(message.from)}&PageSize=1000`)).json()) as { messages: { from: string }[] };
    expect(byFrom.messages.length).toBe(state.world.messages.filter((candidate) => candidate.from === message.from).length);
    expect(byFrom.messages.every((found) => found.from === message.from)).toBe(true);
  });

  it("filters by the spec's StartTime, DateSent and DateCreated bounds, inclusive of the day, and refuses a value that is no date", async () => {
    const account = `/2010-04-01/Accounts/${state.accountSid}`;
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const call = state.world.calls[3];
    if (!call) throw new Error("empty world");
    const on = (await (await request("GET", `${account}/Calls.json?StartTime=${day(call.startTime)}&PageSize=1000`)).json()) as { calls: { sid: string }[] };
    expect(on.calls.map((found) => found.sid).sort()).toEqual(state.world.calls.filter((candidate) => day(candidate.startTime) === day(call.startTime)).map((found) => found.sid).sort());
    // `StartTime>=` as a client writes it (the key arrives as `StartTime>`), URL-encoded or not.
    for (const operator of ["%3E=", ">="]) {
      const after = (await (await request("GET", `${account}/Calls.json?StartTime${operator}${day(call.startTime)}&PageSize=1000`)).json()) as { calls: { sid: string }[] };
      expect(after.calls.length).toBe(state.world.calls.filter((candidate) => day(candidate.startTime) >= day(call.startTime)).length);
    }
    const message = state.world.messages[2];
    if (!message) throw new Error("no messages");
    const before = (await (await request("GET", `${account}/Messages.json?DateSent%3C=${day(message.sent)}&PageSize=1000`)).json()) as { messages: unknown[] };
    expect(before.messages.length).toBe(state.world.messages.filter((candidate) => day(candidate.sent) <= day(message.sent)).length);
    const recording = state.world.recordings[1];
    if (!recording) throw new Error("no recordings");
    const ofCall = (await (await request("GET", `${account}/Recordings.json?CallSid=${recording.callSid}`)).json()) as { recordings: { call_sid: string }[] };
    expect(ofCall.recordings.length).toBeGreaterThan(0);
    expect(ofCall.recordings.every((found) => found.call_sid === recording.callSid)).toBe(true);
    const refused = await request("GET", `${account}/Calls.json?StartTime%3E=yesterday`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ status: 400, message: expect.stringContaining("StartTime>") as unknown });
  });

  it("redacts a message's body by POST Body= (form-encoded), answering the spec's message", async () => {
    const message = state.world.messages.find((candidate) => !taken.has(candidate.sid) && candidate.body !== "");
    if (!message) throw new Error("no message");
    const path = `/2010-04-01/Accounts/${state.accountSid}/Messages/${message.sid}.json`;
    const response = await fetch(`${served.url}${path}`, { method: "POST", headers: { authorization: authorization(), "content-type": "application/x-www-form-urlencoded" }, body: "Body=" });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    const validate = validators.forResponse(operationOf({ method: "POST", path: "/2010-04-01/Accounts/:AccountSid/Messages/:Sid.json" }), 200);
    expect(validate?.(body) ? [] : validate?.errors).toEqual([]);
    expect(body).toMatchObject({ sid: message.sid, body: "" });
    expect(((await (await request("GET", path)).json()) as { body: string }).body).toBe("");
  });

  it("answers a SID that breaks the spec's pattern with Twilio's 404 envelope", async () => {
    const ids = readIds();
    for (const route of routes) {
      const found = fileRoutes[route.path] ? operationOf({ method: "GET", path: fileRoutes[route.path]?.jsonTwin ?? "" }) : operationOf(route);
      const parameters = pathParameters(found);
      const good = concretePath(route.path, ids);
      const segments = [...good.matchAll(/[A-Z]{2}[0-9a-f]{32}/g)].map((match) => match[0]);
      expect(segments.length, route.path).toBe(parameters.length);
      for (const [index, parameter] of parameters.entries()) {
        const pattern = parameter.schema?.pattern;
        if (!pattern) throw new Error(`${found.operation.operationId}: ${parameter.name} has no pattern`);
        const sid = segments[index] ?? "";
        expect(sid, `${route.path} :${parameter.name}`).toMatch(new RegExp(pattern));
        const malformed = `${sid.slice(0, 2)}${"z".repeat(32)}`;
        const response = await request(route.method, good.replace(sid, malformed));
        expect(response.status, `${route.method} ${route.path} with ${parameter.name}=${malformed}`).toBe(404);
        expect(await response.json()).toMatchObject({ code: 20404, status: 404, more_info: expect.stringContaining("twilio.com") as unknown });
      }
    }
  });

  it("refuses bad credentials with 401 and code 20003", async () => {
    const response = await fetch(`${served.url}/2010-04-01/Accounts/${state.accountSid}/Calls.json`, { headers: { authorization: `Basic ${Buffer.from(`${state.accountSid}:${"0".repeat(32)}`).toString("base64")}` } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
  });

  it("answers every DELETE with the spec's 204 and no body, then 404", async () => {
    const deletes = routes.filter((route) => route.method === "DELETE");
    expect(deletes.map((route) => route.path.split("/").slice(4).join("/")).sort()).toEqual(
      [
        "Calls/:Sid.json",
        "Calls/:CallSid/Recordings/:Sid.json",
        "Messages/:MessageSid/Media/:Sid.json",
        "Messages/:Sid.json",
        "Recordings/:Sid.json",
        "Recordings/:RecordingSid/Transcriptions/:Sid.json",
        "Transcriptions/:Sid.json",
      ].sort(),
    );
    for (const route of deletes) {
      const found = operationOf(route);
      expect(Object.keys(found.operation.responses), route.path).toContain("204");
      const ids = sampleIds();
      if (route.path.endsWith("/Recordings/:Sid.json") && !route.path.includes("/Calls/")) softDeleted = ids.recording;
      const path = concretePath(route.path, ids);
      const response = await request("DELETE", path);
      expect(response.status, `DELETE ${route.path}`).toBe(204);
      expect(await response.text()).toBe("");
      expect((await request("GET", path)).status, `GET after DELETE ${route.path}`).toBe(404);
    }
  });

  it("refuses to delete the log of a call still under way, in Twilio's error envelope", async () => {
    const live = state.world.calls.find((call) => call.status === "in-progress");
    if (!live) throw new Error("the seeded world has no call under way");
    const path = `/2010-04-01/Accounts/${state.accountSid}/Calls/${live.sid}.json`;
    const refused = await request("DELETE", path);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 20009, status: 400 });
    const fetched = await request("GET", path);
    expect(fetched.status).toBe(200);
    const validate = validators.forResponse(operationOf({ method: "GET", path: "/2010-04-01/Accounts/:AccountSid/Calls/:Sid.json" }), 200);
    const body: unknown = await fetched.json();
    expect(validate?.(body) ? [] : validate?.errors).toEqual([]);
    expect(body).toMatchObject({ status: "in-progress", end_time: null, duration: null });
  });

  it("keeps a deleted recording's metadata, status deleted, for IncludeSoftDeleted=true only", async () => {
    if (!softDeleted) throw new Error("the DELETE test deleted no recording");
    const recordingSid = softDeleted;
    const path = `/2010-04-01/Accounts/${state.accountSid}/Recordings/${recordingSid}.json`;
    expect((await request("GET", path)).status).toBe(404);
    const soft = await request("GET", `${path}?IncludeSoftDeleted=true`);
    expect(soft.status).toBe(200);
    const body: unknown = await soft.json();
    const validate = validators.forResponse(operationOf({ method: "GET", path: "/2010-04-01/Accounts/:AccountSid/Recordings/:Sid.json" }), 200);
    expect(validate?.(body) ? [] : validate?.errors).toEqual([]);
    expect(body).toMatchObject({ sid: recordingSid, status: "deleted" });
    expect((await request("GET", path.replace(/\.json$/, ".wav"))).status).toBe(404);
    const listed = async (query: string) => ((await (await request("GET", `/2010-04-01/Accounts/${state.accountSid}/Recordings.json?PageSize=1000${query}`)).json()) as { recordings: { sid: string; status: string }[] }).recordings;
    expect((await listed("")).map((recording) => recording.sid)).not.toContain(recordingSid);
    expect((await listed("&IncludeSoftDeleted=true")).find((recording) => recording.sid === recordingSid)?.status).toBe("deleted");
  });
});
