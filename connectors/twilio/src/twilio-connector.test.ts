import { createConnectorContext, createOracleClient } from "@lethe/connector-testkit";
import type { LocatedRecord, OraclePerson, RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import twilioConnector from "./index";
import { listAll } from "./vendor/list-all";
import { callRecord } from "./vendor/records";
import sandbox from "./sandbox/index";

/*
 * What the conformance suite does not single out: the leg forms Twilio's exact filters need (SIP
 * and client legs), the shared-number rule, and paging through `next_page_uri`. Judged against the
 * sandbox's oracle and its stored calls, never against the connector's own report alone.
 */

let running: RunningSandbox;
let oracle: ReturnType<typeof createOracleClient>;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1, rateLimitPerMinute: 100_000 });
  oracle = createOracleClient(running.url);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

const context = () => createConnectorContext({ connector: twilioConnector, settings: running.settings, secrets: running.credentials });

async function locateAll(person: OraclePerson): Promise<LocatedRecord[]> {
  const located: LocatedRecord[] = [];
  for await (const record of twilioConnector.locate(context(), { identifiers: person.identifiers })) located.push(record);
  return located;
}

async function callsOf(person: OraclePerson) {
  const records = await oracle.records(person.id);
  return records.filter((record) => record.ref.type === "call");
}

describe("the Twilio connector against the sandbox", () => {
  it("finds calls on SIP legs dialled by number and on Twilio Client legs, as the oracle lists them", async () => {
    const people = await oracle.people();
    const legs = { sip: 0, client: 0 };
    for (const person of people.filter((p) => p.role === "subject")) {
      const held = await callsOf(person);
      const located = new Set((await locateAll(person)).map((record) => `${record.ref.type}/${record.ref.id}`));
      for (const call of held) {
        const text = JSON.stringify(call.personalData);
        if (text.includes('"sip:')) legs.sip++;
        if (text.includes('"client:')) legs.client++;
        expect(located.has(`call/${call.ref.id}`), `${person.id}: call ${call.ref.id}`).toBe(true);
      }
    }
    // The seeded world has both kinds of leg; without them this test would prove nothing.
    expect(legs.sip).toBeGreaterThan(0);
    expect(legs.client).toBeGreaterThan(0);
  });

  it("matches weakly, with the reason, what it finds through a number a household shares", async () => {
    const people = await oracle.people();
    const holders = new Map<string, number>();
    for (const person of people) for (const identifier of person.identifiers) holders.set(identifier.value, (holders.get(identifier.value) ?? 0) + 1);
    const subject = people.find((person) => person.role === "subject" && person.identifiers.some((identifier) => (holders.get(identifier.value) ?? 0) > 1));
    expect(subject, "the seeded world has a subject sharing a number").toBeDefined();
    if (!subject) return;
    const shared = subject.identifiers.filter((identifier) => (holders.get(identifier.value) ?? 0) > 1).map((identifier) => identifier.value);
    const throughShared = (await locateAll(subject)).flatMap((record) => record.matchedBy).filter((match) => shared.includes(match.identifier.value));
    expect(throughShared.length).toBeGreaterThan(0);
    for (const match of throughShared) expect(match).toMatchObject({ strength: "weak", reason: expect.stringMatching(/^shared: calls from this number carry \d+ different caller names$/) });
  });

  it("pages through next_page_uri to the same calls one big page holds, each once", async () => {
    const ctx = context();
    const everything = await listAll(ctx, { path: "/Calls.json", key: "calls", schema: callRecord, recordType: "call", route: "calls.list" });
    const before = (await oracle.stats()).calls;
    const paged = await listAll(ctx, { path: "/Calls.json", key: "calls", schema: callRecord, recordType: "call", route: "calls.list" }, 7);
    const after = (await oracle.stats()).calls;
    const sids = paged.map((call) => call.sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect([...sids].sort()).toEqual(everything.map((call) => call.sid).sort());
    const listings = Object.entries(after).reduce((sum, [route, count]) => (route.includes("Calls.json") ? sum + count - (before[route] ?? 0) : sum), 0);
    expect(listings).toBe(Math.ceil(everything.length / 7));
  });

  it("retains, with Twilio's error code as the reason, a call Twilio refuses to delete while it is in progress", async () => {
    const retained = [];
    for (const person of (await oracle.people()).filter((p) => p.role === "subject")) {
      const refs = (await locateAll(person)).filter((record) => record.matchedBy.some((match) => match.strength === "strong")).map((record) => record.ref);
      for await (const receipt of twilioConnector.erase?.(context(), refs, { action: "erase" }) ?? []) {
        if (receipt.outcome === "retained") retained.push({ receipt, stillHeld: (await oracle.records(person.id)).some((record) => record.ref.id === receipt.ref.id) });
      }
    }
    // The seeded world holds one call still in progress; without it this test would prove nothing.
    expect(retained.length).toBeGreaterThan(0);
    for (const { receipt, stillHeld } of retained) {
      expect(receipt.ref.type).toBe("call");
      expect(receipt.hold?.basis).toMatch(/^Twilio refuses to delete this call \(error 20009, https:\/\/www\.twilio\.com\/docs\/errors\/20009\)$/);
      expect(stillHeld).toBe(true);
    }
  });
});
