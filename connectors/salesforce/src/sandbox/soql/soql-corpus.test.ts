import { describe, expect, it } from "vitest";
import { soqlCorpus } from "../../../test/soql-corpus";
import { seedWorld } from "../world/seed-world";
import { SObjectStore } from "../world/sobject-store";
import { parseSoql as handParse } from "./hand-parser/parse-soql";
import { MalformedQuery } from "./malformed-query";
import { parseSoql } from "./parse-soql";
import { readSoql } from "./read-soql";
import { runSoql } from "./run-soql";

/* The grammar against a corpus of real-world SOQL: what Salesforce accepts it reads, what Salesforce refuses it refuses with the vendor's error. */

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

describe("the grammar against the hand-written parser it replaces", () => {
  it("reads every statement both accept into the same query, and refuses at least what it refused", () => {
    const differences: string[] = [];
    for (const { soql, about } of soqlCorpus) {
      const before = outcome(() => handParse(soql));
      const after = outcome(() => parseSoql(soql));
      if ("value" in before && "value" in after) {
        if (JSON.stringify(after.value) !== JSON.stringify(before.value)) differences.push(`${about}: read differently`);
      } else if ("value" in before || "value" in after) {
        differences.push(`${about}: before ${"value" in before ? "read" : before.errorCode}, now ${"value" in after ? "read" : after.errorCode}`);
      } else if (after.errorCode !== before.errorCode) {
        differences.push(`${about}: before ${before.errorCode}, now ${after.errorCode}`);
      }
    }
    // Where they part, the hand parser was wrong: it refused valid SOQL, or read a relationship path as a field name.
    expect(differences).toEqual([
      "FOR VIEW: before MALFORMED_QUERY, now read",
      "FOR REFERENCE: before MALFORMED_QUERY, now read",
      "object alias: before MALFORMED_QUERY, now read",
      "object name as prefix: read differently",
      "child-to-parent relationship field: before read, now INVALID_FIELD",
      "parent-to-child sub-query: before MALFORMED_QUERY, now INVALID_TYPE",
    ]);
  });
});
