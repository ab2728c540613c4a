import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../../test/sandbox-per-file";
import { api, rawSession, soql } from "../../../test/salesforce-context";
import { soqlCorpus } from "../../../test/soql-corpus";

/* The SOQL corpus and SOSL's RETURNING over HTTP: Salesforce's QueryResult or its error array (vendor-apis.md §1.3, §1.4). */

const { sandbox } = sandboxPerFile();

describe("the SOQL corpus over /query", () => {
  it("answers every statement with a QueryResult or a 400 [{message, errorCode}] naming the corpus's errorCode", async () => {
    const session = await rawSession(sandbox());
    const wrong: string[] = [];
    for (const entry of soqlCorpus) {
      const response = await session.get(soql("query", entry.soql));
      const body: unknown = await response.json();
      const expected =
        "rows" in entry.sandbox
          ? { status: 200, body: expect.objectContaining({ done: true, records: expect.any(Array), totalSize: expect.any(Number) }) }
          : { status: 400, body: [{ message: expect.any(String), errorCode: entry.sandbox.errorCode }] };
      try {
        expect({ status: response.status, body }).toEqual(expected);
      } catch {
        wrong.push(`${entry.about}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("SELECT COUNT() over /query", () => {
  it("answers the number of rows as totalSize with no records, the Recycle Bin left out as by SELECT Id", async () => {
    const session = await rawSession(sandbox());
    const listed = (await (await session.get(soql("query", "SELECT Id FROM Contact"))).json()) as { totalSize: number };
    const counted = (await (await session.get(soql("query", "SELECT COUNT() FROM Contact"))).json());
    expect(counted).toEqual({ totalSize: listed.totalSize, done: true, records: [] });
    expect(listed.totalSize).toBeGreaterThan(0);
    const mixed = await session.get(soql("query", "SELECT Id, COUNT() FROM Contact"));
    expect({ status: mixed.status, body: await mixed.json() }).toEqual({ status: 400, body: [{ message: expect.stringMatching(/COUNT\(\) must be the only element/), errorCode: "MALFORMED_QUERY" }] });
  });
});

describe("SOSL RETURNING, read by the SOQL grammar", () => {
  const search = async (sosl: string) => {
    const response = await (await rawSession(sandbox())).get(`${api}/search?q=${encodeURIComponent(sosl)}`);
    return { status: response.status, body: await response.json() };
  };

  it("honours per-object field lists and LIMITs and an overall LIMIT", async () => {
    const { status, body } = await search("FIND {example.com} IN EMAIL FIELDS RETURNING Contact(Id, Email LIMIT 2), Lead(Id) LIMIT 3");
    expect(status).toBe(200);
    const records = (body as { searchRecords: { attributes: { type: string }; Email?: string }[] }).searchRecords;
    expect(records).toHaveLength(3);
    expect(records.filter((record) => record.attributes.type === "Contact")).toHaveLength(2);
    expect(records.filter((record) => record.attributes.type === "Contact").every((record) => typeof record.Email === "string")).toBe(true);
  });

  it("answers an unknown field with INVALID_FIELD, bad syntax inside RETURNING and an unsupported WHERE with MALFORMED_SEARCH", async () => {
    expect(await search("FIND {ada} RETURNING Contact(Id, Nope)")).toEqual({ status: 400, body: [{ message: expect.any(String), errorCode: "INVALID_FIELD" }] });
    expect(await search("FIND {ada} RETURNING Contact(Id,)")).toEqual({ status: 400, body: [{ message: expect.any(String), errorCode: "MALFORMED_SEARCH" }] });
    expect(await search("FIND {ada} RETURNING Contact(Id WHERE Email != null)")).toEqual({ status: 400, body: [{ message: expect.stringMatching(/does not evaluate/), errorCode: "MALFORMED_SEARCH" }] });
    expect(await search("FIND {ada} RETURNING Contact(Id) LIMIT 0")).toEqual({ status: 400, body: [{ message: expect.any(String), errorCode: "MALFORMED_SEARCH" }] });
    expect(await search("FIND {ada} RETURNING Nothing(Id)")).toEqual({ status: 400, body: [{ message: expect.any(String), errorCode: "INVALID_TYPE" }] });
  });
});
