import { recordKey } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../test/sandbox-per-file";
import { emailEdgeCases, naughtyStrings } from "@lethe/test-data";
import { collect, rawSession, salesforceContext, soql } from "../test/salesforce-context";
import { soqlContains, soqlString, soslTerm } from "./client/soql-literal";
import { eraseRecords } from "./erase/erase-records";
import { locate } from "./locate/locate";

/* The injection surface of vendor-apis.md §1.8, against a sandbox() that parses SOQL and SOSL. */

const { sandbox, oracle } = sandboxPerFile();

const email = (value: string) => ({ identifiers: [{ kind: "email" as const, value }] });

describe("locate and erase with hostile identifiers", () => {
  it("finds o'brien@example.com exactly, and only her records", async () => {
    const people = await oracle().people();
    const obrien = people.find((person) => person.identifiers.some((identifier) => identifier.value === "o'brien@example.com"));
    if (!obrien) throw new Error("the world has no O'Brien");
    const located = await collect(locate(salesforceContext(sandbox()), email("o'brien@example.com")));
    const strong = located.filter((record) => record.matchedBy.some((match) => match.strength === "strong")).map((record) => recordKey(record.ref));
    const held = (await oracle().records(obrien.id)).map((record) => recordKey(record.ref));
    expect(strong.sort()).toEqual(held.sort());
  });

  it("finds and erases nothing for x' OR Email != '", async () => {
    const ctx = salesforceContext(sandbox());
    const located = await collect(locate(ctx, email("x' OR Email != '")));
    expect(located).toEqual([]);
    const receipts = await collect(eraseRecords(ctx, located.map((record) => record.ref), { action: "erase" }));
    expect(receipts).toEqual([]);
    expect((await oracle().stats()).deletions).toEqual({});
  });

  it("does not treat % and _ in an address as wildcards", async () => {
    const session = await rawSession(sandbox());
    for (const pattern of ["%", "_%", "%@example.com", "o_brien@example.com"]) {
      const body = (await (await session.get(soql("queryAll", `SELECT Id FROM Contact WHERE Email = ${soqlString(pattern)} OR Email LIKE ${soqlContains(pattern)}`))).json()) as { totalSize: number };
      expect(body.totalSize, pattern).toBe(0);
    }
    expect(await collect(locate(salesforceContext(sandbox()), email("%@example.com")))).toEqual([]);
  });

  it("keeps SOSL break-out strings inside the search term", async () => {
    const session = await rawSession(sandbox());
    for (const attack of ["x} RETURNING Contact(Id, Email", "x} IN ALL FIELDS RETURNING Contact(Id)", "\\} OR {*", "* OR *", "o'brien@example.com} RETURNING Lead(Id"]) {
      const response = await session.get(`/services/data/v62.0/search?q=${encodeURIComponent(`FIND {${soslTerm(attack)}} IN ALL FIELDS RETURNING Case(Id)`)}`);
      expect(response.status, attack).toBe(200);
      expect(((await response.json()) as { searchRecords: unknown[] }).searchRecords, attack).toEqual([]);
    }
  });
});

describe("the shared corpora of hostile strings", () => {
  it("makes every naughty string and every isemail address a well-formed SOQL literal and SOSL term that matches nothing", async () => {
    const session = await rawSession(sandbox());
    const values = [...naughtyStrings(), ...emailEdgeCases().map((edgeCase) => edgeCase.address)].filter((value) => value.trim() !== "");
    const failures: string[] = [];
    // One query per batch of values keeps this to a few dozen calls.
    for (let i = 0; i < values.length; i += 40) {
      const batch = values.slice(i, i + 40);
      const where = batch.map((value) => `Email = ${soqlString(value)}`).join(" OR ");
      const response = await session.get(soql("queryAll", `SELECT Id FROM Contact WHERE ${where}`));
      const body = (await response.json()) as { totalSize?: number };
      if (response.status !== 200 || body.totalSize !== 0) failures.push(`SOQL batch ${i}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
    for (const value of values.filter((candidate) => /[^\s"]/.test(candidate.replace(/\b(and|or|not)\b/gi, "")))) {
      const response = await session.get(`/services/data/v62.0/search?q=${encodeURIComponent(`FIND {${soslTerm(value)}} IN EMAIL FIELDS RETURNING Contact(Id)`)}`);
      if (response.status !== 200) failures.push(`SOSL ${JSON.stringify(value)}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });
});
