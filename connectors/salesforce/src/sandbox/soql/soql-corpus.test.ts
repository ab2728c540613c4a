import { describe, expect, it } from "vitest";
import { soqlCorpus } from "../../../test/soql-corpus";
import { seedWorld } from "../world/seed-world";
import { SObjectStore } from "../world/sobject-store";
import { MalformedQuery } from "./malformed-query";
import { readSoql } from "./read-soql";
import { runSoql } from "./run-soql";

/*
 * The grammar against a corpus of real-world SOQL: what Salesforce accepts it reads, what Salesforce
 * refuses it refuses with the vendor's error. Compared with the hand-written parser it replaced
 * (see this file's history), the two read every other statement of the corpus alike; the old one
 * refused FOR VIEW, FOR REFERENCE, object aliases and sub-queries, and read `Contact.Email` and
 * `Account.Name` as field names.
 */

const store = new SObjectStore(seedWorld({ seed: 1, extraPeople: 0, now: new Date("2026-01-15T12:00:00Z") }).rows);

function outcome(run: () => unknown): { errorCode: string; message: string } | { value: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof MalformedQuery) return { errorCode: error.errorCode, message: error.message };
    throw error;
  }
}

describe("the SOQL corpus", () => {
  it("holds about forty statements of each kind", () => {
    expect(soqlCorpus.length).toBeGreaterThanOrEqual(40);
    expect(soqlCorpus.filter((entry) => entry.salesforce === "valid").length).toBeGreaterThanOrEqual(25);
    expect(soqlCorpus.filter((entry) => entry.salesforce !== "valid").length).toBeGreaterThanOrEqual(12);
  });

  it.each(soqlCorpus.filter((entry) => entry.salesforce === "valid"))("reads what Salesforce accepts: $about", ({ soql }) => {
    expect(outcome(() => readSoql(soql))).toEqual({ value: expect.objectContaining({ fields: expect.any(Array) }) });
  });

  it.each(soqlCorpus.filter((entry) => entry.salesforce !== "valid"))("refuses what Salesforce refuses, with its errorCode: $about", ({ soql, salesforce }) => {
    expect(outcome(() => readSoql(soql))).toEqual({ errorCode: salesforce, message: expect.any(String) });
  });

  it.each(soqlCorpus)("answers as the sandbox should: $about", ({ soql, sandbox }) => {
    const answer = outcome(() => runSoql(soql, store, { all: false, apiVersion: "62.0" }).records);
    if ("rows" in sandbox) {
      expect(answer).toEqual({ value: expect.any(Array) });
      if ("value" in answer && sandbox.rows !== "any") expect(answer.value).toHaveLength(sandbox.rows);
    } else {
      expect(answer).toEqual({ errorCode: sandbox.errorCode, message: sandbox.message ? expect.stringMatching(sandbox.message) : expect.any(String) });
    }
  });
});
