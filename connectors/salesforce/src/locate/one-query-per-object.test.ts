import { identifierKey, type Identifier, type LocatedRecord } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../test/sandbox-per-file";
import { collect, salesforceContext } from "../../test/salesforce-context";
import type { SalesforceContext } from "../settings";
import { locate } from "./locate";

/*
 * Issue 14: locate reads each object once for all the identifiers it searches with (one queryAll
 * with the identifiers' conditions ORed), and puts each record down to the identifiers it holds
 * exactly as one query per identifier did.
 */

const { sandbox, oracle } = sandboxPerFile();

async function subjectWithEmailAndPhone(): Promise<{ email: Identifier; phone: Identifier }> {
  for (const person of await oracle().people()) {
    if (person.role !== "subject") continue;
    const email = person.identifiers.find((identifier) => identifier.kind === "email");
    const phone = person.identifiers.find((identifier) => identifier.kind === "phone");
    if (email && phone && (await oracle().records(person.id)).some((record) => record.ref.type === "Contact")) return { email, phone };
  }
  throw new Error("no subject with a Contact, an e-mail address and a phone number");
}

/** One identifier of the kind from each of two subjects who have one. */
async function twoSubjectsIdentifiers(kind: "email" | "phone"): Promise<Identifier[]> {
  const found: Identifier[] = [];
  for (const person of await oracle().people()) {
    const identifier = person.role === "subject" ? person.identifiers.find((candidate) => candidate.kind === kind) : undefined;
    if (identifier) found.push(identifier);
  }
  return found.slice(0, 2);
}

/** The SOQL (not SOSL) of every query the connector sends, beside a context that sends them. */
function recordingContext(): { ctx: SalesforceContext; queries: string[] } {
  const ctx = salesforceContext(sandbox());
  const queries: string[] = [];
  const http = ctx.http;
  const recording: typeof http = Object.assign(Object.create(http) as typeof http, {
    request: (request: Parameters<typeof http.request>[0]) => {
      const q = new URL(request.url).searchParams.get("q");
      if (q?.startsWith("SELECT ")) queries.push(q);
      return http.request(request);
    },
  });
  return { ctx: { ...ctx, http: recording }, queries };
}

/** A located record as compared: its matches in a stable order. */
function matchesByRecord(records: readonly LocatedRecord[]): Map<string, string[]> {
  const byRecord = new Map<string, string[]>();
  for (const record of records) {
    const key = `${record.ref.type}/${record.ref.id}`;
    const matches = record.matchedBy.map((match) => JSON.stringify([identifierKey(match.identifier), match.strength, match.field, match.reason ?? ""]));
    byRecord.set(key, [...new Set([...(byRecord.get(key) ?? []), ...matches])].sort());
  }
  return byRecord;
}

describe("locate: one query per object for every identifier", () => {
  it("reads each object that can hold an identifier once for the e-mail address and the phone number together", async () => {
    const { email, phone } = await subjectWithEmailAndPhone();
    const { ctx, queries } = recordingContext();
    const located = await collect(locate(ctx, { identifiers: [email, phone] }));
    expect(located.length).toBeGreaterThan(0);
    // Searches by identifier, not reads of what hangs from an id list.
    const searches = queries.filter((query) => !query.includes(" IN ("));
    const objects = searches.map((query) => /\bFROM (\w+)/.exec(query)?.[1]).sort();
    expect(objects).toEqual(["Case", "CaseComment", "Contact", "ContactPointEmail", "ContactPointPhone", "EmailMessage", "Lead"]);
    const contact = searches.find((query) => query.includes("FROM Contact "));
    expect(contact).toMatch(/WHERE Email = '[^']+' OR Phone LIKE '%[0-9%]+' OR MobilePhone LIKE/);
    // Whom the people found belong to is read with them: no second read of Contact or Lead.
    expect(queries.filter((query) => /FROM (Contact|Lead) /.test(query))).toHaveLength(2);
  });

  // Compared with identifiers of one kind: how a phone match is corroborated depends on the
  // e-mail addresses searched in the same locate, as it always did.
  for (const kind of ["email", "phone"] as const) {
    it(`finds for two people's ${kind === "email" ? "e-mail addresses" : "phone numbers"} together what searching with each alone finds, each record matched as then`, async () => {
      const identifiers = await twoSubjectsIdentifiers(kind);
      const [first, second] = identifiers;
      if (!first || !second) throw new Error("two identifiers expected");
      const together = await collect(locate(salesforceContext(sandbox()), { identifiers }));
      const apart = [
        ...(await collect(locate(salesforceContext(sandbox()), { identifiers: [first], known: [second] }))),
        ...(await collect(locate(salesforceContext(sandbox()), { identifiers: [second], known: [first] }))),
      ];
      expect(together.length).toBeGreaterThan(0);
      expect(matchesByRecord(together)).toEqual(matchesByRecord(apart));
    });
  }

  it("searches with no query at all when no identifier can sit in Salesforce", async () => {
    const { ctx, queries } = recordingContext();
    expect(await collect(locate(ctx, { identifiers: [{ kind: "phone", value: "+1" }] }))).toEqual([]);
    expect(queries).toEqual([]);
  });
});
