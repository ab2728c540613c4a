import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oracleOf, vendorOf, type Oracle } from "../../test/oracle";
import referenceSandbox, { sandbox } from "./index";

let running: RunningSandbox;
let oracle: Oracle;

beforeAll(async () => {
  running = await sandbox.start({ seed: 9, people: 10 });
  oracle = oracleOf(running);
});
afterAll(() => running.stop());

describe("the sandbox definition", () => {
  it("is the default export too and names the reference connector", () => {
    expect(referenceSandbox).toBe(sandbox);
    expect(sandbox.connectorId).toBe("reference");
  });

  it("starts on 127.0.0.1 with settings, good credentials and well-formed bad ones", () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.settings).toEqual({ baseUrl: running.url });
    expect(running.credentials).toEqual({ apiToken: expect.stringMatching(/^rcrm_/) });
    expect(running.badCredentials.apiToken).not.toBe(running.credentials.apiToken);
  });

  it("accepts the same token after a restart with the same seed", async () => {
    const again = await sandbox.start({ seed: 9 });
    await again.stop();
    expect(again.credentials).toEqual(running.credentials);
  });
});

describe("the oracle", () => {
  it("lists subjects (with the extra people) and bystanders tied to their subject", async () => {
    const people = await oracle.people();
    expect(people.filter((person) => person.role === "subject")).toHaveLength(6 + 1 + 10);
    const ids = new Set(people.map((person) => person.id));
    for (const bystander of people.filter((person) => person.role === "bystander")) {
      expect(ids.has(bystander.bystanderOf ?? "")).toBe(true);
    }
  });

  it("lists a person's records with the refs a connector reports and what data they hold", async () => {
    const [subject] = await oracle.people();
    const records = await oracle.records(subject?.id ?? "");
    expect(records.find((record) => record.ref.type === "person")).toEqual({
      ref: { type: "person", id: subject?.id },
      store: "active",
      personalData: { name: expect.any(String), email: expect.any(String), phone: expect.any(String), customerId: expect.any(String) },
      anonymised: false,
      restricted: false,
    });
    expect(records.filter((record) => record.ref.type === "note").length).toBeGreaterThanOrEqual(2);
  });

  it("counts calls per route label and restores everything on reset", async () => {
    const vendor = vendorOf(running);
    const [subject] = await oracle.people();
    await vendor("/api/me");
    await vendor(`/api/people/${subject?.id}`);
    await vendor(`/api/people/${subject?.id}`, { method: "DELETE" });
    await vendor(`/api/trash/people/${subject?.id}`, { method: "DELETE" });
    expect(await oracle.stats()).toEqual({
      calls: { "GET /api/me": 1, "GET /api/people/:id": 1, "DELETE /api/people/:id": 1, "DELETE /api/trash/people/:id": 1 },
      deletions: { [`person/${subject?.id}`]: 1 },
      throttled: 0,
      unauthorised: 0,
    });
    await oracle.reset();
    expect(await oracle.stats()).toEqual({ calls: {}, deletions: {}, throttled: 0, unauthorised: 0 });
    expect((await oracle.records(subject?.id ?? "")).some((record) => record.ref.type === "person")).toBe(true);
  });

  it("reseeds another world when reset with another seed", async () => {
    const before = (await oracle.people())[0]?.id;
    await oracle.reset(10);
    expect((await oracle.people())[0]?.id).not.toBe(before);
    await oracle.reset();
    expect((await oracle.people())[0]?.id).toBe(before);
  });
});
