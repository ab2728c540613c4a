import { createOracleClient } from "@lethe/connector-testkit";
import { describe, expect, it } from "vitest";
import { startZendeskSandbox } from "./index";

/* `start({ world })`: an account holding a fixture file's users and tickets instead of the seed. */

const fixture = {
  people: [
    { id: "ada", role: "subject", identifiers: [{ kind: "email", value: "ada@example.com" }] },
    { id: "ada-tag", role: "bystander", bystanderOf: "ada", identifiers: [{ kind: "email", value: "ada+shop@example.com" }] },
  ],
  users: [
    { name: "Ada Quill", email: "Ada@example.com", phone: "+1 201 555 0147" },
    { name: "Ada Quill", email: "ada+shop@example.com" },
  ],
  identities: [{ user_email: "ada@example.com", identity: { type: "email", value: "ada.home@example.net" } }],
  tickets: [
    { subject: "Refund", comment: { body: "My card was charged twice." }, requester: { email: "ada@example.com" } },
    { subject: "Order", comment: { body: "Please also tell ada@example.com." }, requester: { email: "ada+shop@example.com" } },
  ],
};

describe("a Zendesk fixture world", () => {
  it("holds the file's users and tickets, known to the oracle by the declared people, and comes back on reset", async () => {
    const sandbox = await startZendeskSandbox({ world: fixture });
    try {
      const oracle = createOracleClient(sandbox.url);
      const check = async () => {
        const people = await oracle.people();
        expect(people.map((p) => p.id)).toEqual(["ada", "ada-tag"]);
        expect(people[0]?.identifiers).toEqual(expect.arrayContaining([{ kind: "phone", value: "+12015550147" }, { kind: "email", value: "ada.home@example.net" }]));
        const held = await oracle.records("ada");
        expect(held.map((r) => r.ref.type).sort()).toEqual(["comment_mention", "identity", "identity", "identity", "ticket", "user"]);
        expect((await oracle.records("ada-tag")).map((r) => r.ref.type).sort()).toEqual(["identity", "ticket", "user"]);
      };
      await check();
      await oracle.reset();
      await check();
      // Only the account owner and the file's users: nobody seeded.
      const basic = `Basic ${Buffer.from(`${sandbox.admin.email}/token:${sandbox.admin.apiToken}`).toString("base64")}`;
      const users = (await (await fetch(`${sandbox.url}/api/v2/users.json`, { headers: { authorization: basic } })).json()) as { users: unknown[] };
      expect(users.users).toHaveLength(3);
    } finally {
      await sandbox.stop();
    }
  });

  it("refuses a world naming each bad path, shape errors and Zendesk's validation errors alike", async () => {
    await expect(startZendeskSandbox({ world: { users: [{ name: 3 }], tickets: "none" } })).rejects.toThrow(/users\[0\]\.name[\s\S]*tickets/);
    await expect(
      startZendeskSandbox({ world: { users: [{ name: "A", email: "a@example.com" }, { name: "B", email: "A@example.com" }], tickets: [{ subject: "x" }] } }),
    ).rejects.toThrow(/users\[1\]\.email: Email: A@example\.com is already being used by another user[\s\S]*tickets\[0\]\.base: Description: cannot be blank/);
  });
});
