import { createOracleClient } from "@lethe/connector-testkit";
import { createClient } from "node-zendesk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startZendeskSandbox, type RunningZendeskSandbox } from "./index";

/*
 * Fidelity proven by someone else's client (docs/connectors.md): node-zendesk 6, unchanged, pointed at
 * the sandbox with `endpointUri`. It builds its own URLs (`.json` suffixes, `page[size]=100` on
 * the endpoints it knows to take cursors), its own auth headers, and follows `next_page` or
 * `links.next` itself.
 */

let sandbox: RunningZendeskSandbox;
const heavyTickets = 250;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 3, rateLimitPerMinute: 100_000, heavyTickets });
});
afterAll(() => sandbox.stop());

function client(auth: "token" | "oauth" = "token") {
  const endpointUri = `${sandbox.url}/api/v2`;
  return auth === "token"
    ? createClient({ username: sandbox.admin.email, token: sandbox.admin.apiToken, endpointUri, throwOriginalException: true })
    : createClient({ token: sandbox.admin.oauthAccessToken, oauth: true, endpointUri, throwOriginalException: true });
}

async function firstSubject() {
  const people = await createOracleClient(sandbox.url).people();
  const subject = people.find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject");
  const email = subject.identifiers.find((i) => i.kind === "email")?.value ?? "";
  return { id: Number(subject.id), email };
}

describe("node-zendesk 6 against the sandbox", () => {
  it("authenticates with an API token and with an OAuth token", async () => {
    for (const auth of ["token", "oauth"] as const) {
      const { result } = await client(auth).users.me();
      expect(result).toMatchObject({ role: "admin", active: true });
    }
  });

  it("gets Zendesk's 401 for a wrong token", async () => {
    const wrong = createClient({ username: sandbox.admin.email, token: "wrong", endpointUri: `${sandbox.url}/api/v2`, throwOriginalException: true });
    await expect(wrong.users.me()).rejects.toMatchObject({ statusCode: 401, result: { error: "Couldn't authenticate you" } });
  });

  it("searches users by e-mail and gets the subject", async () => {
    const { id, email } = await firstSubject();
    const results = (await client().search.queryAll(`type:user email:"${email}"`)) as { id: number; result_type: string }[];
    expect(results.map((result) => result.id)).toContain(id);
    expect(results.every((result) => result.result_type === "user")).toBe(true);
  });

  it("pages through a search of more than two pages by next_page", async () => {
    const { id } = await firstSubject();
    const results = (await client().search.queryAll(`type:ticket requester:${id}`)) as { id: number }[];
    expect(results.length).toBe(heavyTickets + 3);
    expect(new Set(results.map((result) => result.id)).size).toBe(results.length);
  });

  it("runs the export search with its cursor", async () => {
    const { id } = await firstSubject();
    const results = (await client().search.exportResults(`requester:${id}`, "ticket")) as { id: number }[];
    expect(results.length).toBe(heavyTickets + 3);
  });

  it("shows a user, lists their identities and finds users by users/search", async () => {
    const { id, email } = await firstSubject();
    const { result: user } = await client().users.show(id);
    expect(user).toMatchObject({ id, email, active: true });
    const identities = (await client().useridentities.list(id)) as { type: string }[];
    expect(identities.map((identity) => identity.type).sort()).toEqual(["email", "email", "phone_number"]);
    const found = (await client().users.search({ query: email })) as { id: number }[];
    expect(found.map((u) => u.id)).toContain(id);
  });

  it("lists a user's requested tickets across offset pages and a ticket's comments", async () => {
    const { id } = await firstSubject();
    const tickets = (await client().tickets.listByUserRequested(id)) as { id: number; requester_id: number }[];
    expect(tickets).toHaveLength(heavyTickets + 3);
    expect(tickets.every((ticket) => ticket.requester_id === id)).toBe(true);
    const first = tickets[0];
    if (!first) throw new Error("no ticket");
    const comments = (await client().tickets.getComments(first.id)) as { author_id: number; body: string }[];
    expect(comments.length).toBeGreaterThan(1);
    expect(comments[0]?.author_id).toBe(id);
  });

  it("pages every ticket and every user by cursor (page[size], links.next)", async () => {
    const tickets = (await client().tickets.list()) as { id: number }[];
    // Three cursor pages of 100.
    expect(tickets.length).toBeGreaterThan(200);
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(tickets.length);
    const users = (await client().users.list()) as { id: number }[];
    expect(users.length).toBeGreaterThan(20);
  });

  it("deletes a user, who is then shown inactive, and gets RecordNotFound for an unknown one", async () => {
    const { id } = await firstSubject();
    // Its types say `void`; at run time it resolves to `{ response, result }` like every call.
    const deleted: unknown = await client().users.delete(id);
    expect(deleted).toMatchObject({ result: { id, active: false } });
    const { result: shown } = await client().users.show(id);
    expect(shown).toMatchObject({ id, active: false });
    await expect(client().users.show(1)).rejects.toMatchObject({ statusCode: 404, result: { error: "RecordNotFound", description: "Not found" } });
  });
});
