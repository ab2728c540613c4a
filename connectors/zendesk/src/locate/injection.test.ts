import type { Identifier } from "@lethe/connector-sdk";
import { createOracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailEdgeCases, naughtyStrings } from "@lethe/test-data";
import { collect, zendeskContext, type SentRequest } from "../../test/zendesk-context";
import { startZendeskSandbox, type RunningZendeskSandbox } from "../sandbox/index";
import { quotedPhrase } from "../vendor/search-query";
import { locate } from "./locate";

/*
 * Identifier values carrying Zendesk search syntax (`*`, `type:`, quotes, `OR`, `-`) must search
 * for themselves, not rewrite the query: they go inside a quoted phrase, and every hit is compared
 * exactly before it counts. Nothing in the seeded world holds these values, so nothing may be found.
 */

let sandbox: RunningZendeskSandbox;
beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 1, rateLimitPerMinute: 1_000_000 });
});
afterAll(() => sandbox.stop());

const userQuery = /^type:user (email|phone):"[^"\\]+"$/;
const phraseQuery = /^"[^"\\]+"$/;

async function locateEach(identifiers: Identifier[]) {
  const sent: SentRequest[] = [];
  const ctx = zendeskContext(sandbox, { sent });
  const found: string[] = [];
  const queue = [...identifiers];
  const worker = async () => {
    for (let identifier = queue.shift(); identifier; identifier = queue.shift()) {
      for (const record of await collect(locate(ctx, { identifiers: [identifier] }))) found.push(`${identifier.value} → ${record.ref.type}/${record.ref.id}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { sent, found };
}

function expectOnlyQuotedQueries(sent: SentRequest[]) {
  for (const request of sent) {
    const query = String(request.query?.query ?? "");
    if (request.route === "search.users") expect(query).toMatch(userQuery);
    if (request.route === "search.mentions") expect(query).toMatch(phraseQuery);
  }
}

describe("identifiers holding search syntax", () => {
  it("would match everyone unquoted, and match no one quoted", async () => {
    const auth = { authorization: `Bearer ${sandbox.admin.oauthAccessToken}` };
    const count = async (query: string) =>
      ((await (await fetch(`${sandbox.url}/api/v2/search.json?query=${encodeURIComponent(query)}`, { headers: auth })).json()) as { count: number }).count;
    const hostile = "nobody@example.com OR role:end-user";
    expect(await count(`type:user email:${hostile}`)).toBeGreaterThan(20);
    expect(await count(`type:user email:${quotedPhrase(hostile) ?? ""}`)).toBe(0);
    expect(await count(`type:user email:${quotedPhrase("*@example.com") ?? ""}`)).toBe(0);
    expect(await count("type:user email:*example*")).toBeGreaterThan(20);
  });

  it("finds nothing for near-syntax variants of a real subject's address", async () => {
    const people = await createOracleClient(sandbox.url).people();
    const email = people.find((p) => p.role === "subject")?.identifiers.find((i) => i.kind === "email")?.value ?? "";
    const [local = "", domain = ""] = email.split("@");
    const variants = [`${local}*@${domain}`, `*@${domain}`, `${email}" OR "type:user`, `-${email}`, `${email} OR type:user`, `"${local}"@${domain}`, `${local}@${domain}*`];
    const { sent, found } = await locateEach(variants.map((value) => ({ kind: "email", value })));
    expect(found).toEqual([]);
    expectOnlyQuotedQueries(sent);
  });

  it("searches the Big List of Naughty Strings as e-mail addresses (and those with search syntax as phones), quoted, and finds nothing", async () => {
    const strings = naughtyStrings();
    expect(strings.length).toBeGreaterThan(400);
    const syntax = strings.filter((value) => /[-*:"]| OR /.test(value));
    const { sent, found } = await locateEach([
      ...strings.map((value): Identifier => ({ kind: "email", value })),
      ...syntax.map((value): Identifier => ({ kind: "phone", value })),
    ]);
    expect(found).toEqual([]);
    expect(sent.filter((request) => request.route === "search.users").length).toBeGreaterThan(strings.length);
    expectOnlyQuotedQueries(sent);
  }, 120_000);

  it("searches every address of the e-mail edge cases, quoted, and finds nothing", async () => {
    const addresses = emailEdgeCases().map((edgeCase) => edgeCase.address).filter((address) => address.trim() !== "");
    expect(addresses.length).toBeGreaterThan(150);
    const { sent, found } = await locateEach(addresses.map((value) => ({ kind: "email", value })));
    expect(found).toEqual([]);
    expectOnlyQuotedQueries(sent);
  });
});
