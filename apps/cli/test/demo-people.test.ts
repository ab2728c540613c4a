import type { OraclePerson, RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedSandboxes } from "../src/installed-connectors.gen";

/*
 * The people `lethe start` offers for the demo (OraclePerson.demo), across every bundled sandbox
 * at the seed `lethe start` uses: a request searches every system, so a "clean" person must share
 * an e-mail address or phone number with nobody in any of them, and a "review" one must share a
 * number with a household member.
 */
const running: Array<{ connectorId: string; sandbox: RunningSandbox; people: OraclePerson[] }> = [];

beforeAll(async () => {
  for (const [connectorId, load] of Object.entries(installedSandboxes)) {
    const sandbox = await (await load()).start({ seed: 1, timing: "demo" });
    const body = (await (await fetch(`${sandbox.url}/__sandbox/people`)).json()) as { people: OraclePerson[] };
    running.push({ connectorId, sandbox, people: body.people });
  }
});

afterAll(async () => {
  for (const { sandbox } of running) await sandbox.stop();
});

const contactValues = (person: OraclePerson) =>
  person.identifiers.filter((identifier) => identifier.kind === "email" || identifier.kind === "phone").map((identifier) => identifier.value.toLowerCase());

describe("the demo people of the bundled sandboxes", () => {
  it("has in each sandbox one clean and one review person", () => {
    for (const { connectorId, people } of running) {
      expect(people.filter((person) => person.demo === "clean"), connectorId).toHaveLength(1);
      expect(people.filter((person) => person.demo === "review"), connectorId).toHaveLength(1);
    }
  });

  it("gives a clean person an e-mail address and a phone number no one else holds in any sandbox", () => {
    const everyone = running.flatMap(({ connectorId, people }) => people.map((person) => ({ connectorId, person })));
    for (const { connectorId, person } of everyone.filter(({ person }) => person.demo === "clean")) {
      const own = contactValues(person);
      expect(own.length).toBeGreaterThanOrEqual(2);
      const others = everyone.filter((other) => !(other.connectorId === connectorId && other.person.id === person.id));
      for (const other of others) expect(contactValues(other.person).filter((value) => own.includes(value)), `${connectorId} ${other.connectorId}`).toEqual([]);
    }
  });

  it("gives a review person a household member on the same number", () => {
    for (const { connectorId, people } of running) {
      const subject = people.find((person) => person.demo === "review");
      const phone = subject?.identifiers.find((identifier) => identifier.kind === "phone")?.value;
      const household = people.filter((person) => person.bystanderOf === subject?.id && person.identifiers.some((identifier) => identifier.value === phone));
      expect(household.length, connectorId).toBeGreaterThan(0);
    }
  });
});
