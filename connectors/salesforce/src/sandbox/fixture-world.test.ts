import { createOracleClient } from "@lethe/connector-testkit";
import { Connection } from "jsforce";
import { describe, expect, it } from "vitest";
import { collect, salesforceContext } from "../../test/salesforce-context";
import { eraseRecords } from "../erase/erase-records";
import { locate } from "../locate/locate";
import { readBack } from "../verify/read-back";
import { startSalesforceSandbox } from "./index";

/*
 * `start({ world })` (`lethe sandbox start salesforce --world <file.json>`): an org holding a
 * fixture file's records instead of the seed, and records created through jsforce's
 * `sobject(...).create` known to the oracle.
 */

const fixture = {
  people: [
    { id: "ada", role: "subject", identifiers: [{ kind: "email", value: "ada@example.com" }] },
    { id: "bo", role: "bystander", bystanderOf: "ada", identifiers: [{ kind: "email", value: "ada+shop@example.com" }] },
  ],
  records: [
    { type: "Contact", key: "ada", fields: { FirstName: "Ada", LastName: "Quill", Email: "Ada@example.com", Phone: "(201) 555-0147" } },
    { type: "Contact", key: "bo", fields: { LastName: "Quill", Email: "ada+shop@example.com" } },
    { type: "Case", key: "ada-case", fields: { ContactId: { ref: "ada" }, Subject: "Refund", Description: "Charged twice." } },
    { type: "CaseComment", fields: { ParentId: { ref: "ada-case" }, CommentBody: "Refund issued." } },
    { type: "Case", key: "bo-case", fields: { ContactId: { ref: "bo" }, Subject: "Order", Description: "Please also tell ada@example.com." } },
    { type: "CaseComment", fields: { ParentId: { ref: "bo-case" }, CommentBody: "Agent: Ada called from +1 201 555 0147 about it." } },
    { type: "Task", fields: { WhoId: { ref: "ada" }, Subject: "Call", Description: "Old call." }, deleted: true },
  ],
};

type Sandbox = Awaited<ReturnType<typeof startSalesforceSandbox>>;

async function jsforce(sandbox: Sandbox): Promise<Connection> {
  const { clientId, clientSecret } = sandbox.credentials as { clientId: string; clientSecret: string };
  const connection = new Connection({ oauth2: { loginUrl: sandbox.url, clientId, clientSecret }, version: "62.0" });
  await connection.authorize({ grant_type: "client_credentials" });
  return connection;
}

describe("a Salesforce fixture world", () => {
  it("holds the file's records, known to the oracle by the declared people, and comes back on reset", async () => {
    const sandbox = await startSalesforceSandbox({ world: fixture });
    try {
      const oracle = createOracleClient(sandbox.url);
      const check = async () => {
        expect((await oracle.people()).map((person) => person.id)).toEqual(["ada", "bo"]);
        const ada = await oracle.records("ada");
        expect(ada.map((record) => `${record.ref.type}:${record.store}`).sort()).toEqual(["Case:active", "CaseComment:active", "Contact:active", "Task:recycle-bin"]);
        // Bo's Case and the comment on it are Bo's, though they mention Ada.
        expect((await oracle.records("bo")).map((record) => record.ref.type).sort()).toEqual(["Case", "CaseComment", "Contact"]);
        // The org has nothing but the file's records.
        const connection = await jsforce(sandbox);
        expect((await connection.query("SELECT Id FROM Contact")).totalSize).toBe(2);
      };
      await check();
      await oracle.reset();
      await check();
    } finally {
      await sandbox.stop();
    }
  });

  it("lets the connector find Ada's records and the comment on Bo's case mentioning her number, and erase and redact them", async () => {
    const sandbox = await startSalesforceSandbox({ world: fixture });
    try {
      const ctx = salesforceContext(sandbox);
      const identifiers = [
        { kind: "email" as const, value: "ada@example.com" },
        { kind: "phone" as const, value: "+12015550147" },
      ];
      const located = await collect(locate(ctx, { identifiers }));
      const mentions = located.filter((record) => record.relation === "mentions");
      expect(mentions.map((record) => [record.ref.type, record.mentionFields]).sort()).toEqual([
        ["Case", ["Description"]],
        ["CaseComment", ["CommentBody"]],
      ]);
      const own = located.filter((record) => record.relation === undefined);
      await collect(eraseRecords(ctx, own.map((record) => record.ref), { action: "erase" }));
      await collect(eraseRecords(ctx, mentions.map((record) => record.ref), { action: "redact", scope: "personal-data", identifiers }));
      expect(await createOracleClient(sandbox.url).records("ada")).toEqual([]);
      const back = await collect(readBack(ctx, mentions.map((record) => record.ref), { identifiers }));
      expect(back.map((presence) => [presence.present, presence.mentionsSubject])).toEqual([
        [true, false],
        [true, false],
      ]);
      const comment = await (await jsforce(sandbox)).sobject("CaseComment").retrieve(mentions.find((record) => record.ref.type === "CaseComment")?.ref.id ?? "");
      expect(comment.CommentBody).toBe("Agent: Ada called from [REDACTED:phone] about it.");
    } finally {
      await sandbox.stop();
    }
  });

  it("refuses a world naming each bad path: shape errors, Salesforce's own refusals and unknown keys", async () => {
    await expect(startSalesforceSandbox({ world: { records: [{ type: 3, fields: {} }], people: "none" } })).rejects.toThrow(/people[\s\S]*records\[0\]\.type/);
    await expect(
      startSalesforceSandbox({
        world: {
          records: [
            { type: "Contact", fields: { Email: "a@example.com" } },
            { type: "Gadget", fields: {} },
            { type: "Case", fields: { ContactId: { ref: "nobody" } } },
            { type: "Lead", fields: { LastName: "X", Company: "Y", Shoe: 1 } },
          ],
        },
      }),
    ).rejects.toMatchObject({
      name: "SandboxWorldError",
      problems: [
        "records[0].fields.LastName: REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]",
        "records[1].type: sObject type 'Gadget' is not supported",
        "records[2].fields.ContactId: no earlier record has the key nobody",
        "records[3].fields.Shoe: INVALID_FIELD: No such column 'Shoe' on sobject of type Lead",
      ],
    });
  });
});

describe("records created through jsforce", () => {
  it("are known to the oracle: a new Contact is a new person or a declared one, and what hangs from it is theirs", async () => {
    const sandbox = await startSalesforceSandbox();
    try {
      const oracle = createOracleClient(sandbox.url);
      const connection = await jsforce(sandbox);
      const declared = await fetch(`${sandbox.url}/__sandbox/people`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: "cy", role: "subject", identifiers: [{ kind: "email", value: "cy@example.com" }] }),
      });
      expect(declared.status).toBe(201);
      const contact = await connection.sobject("Contact").create({ LastName: "Cy", Email: "CY@example.com", MobilePhone: "+1 202 555 0110" });
      if (!contact.success) throw new Error("not created");
      const kase = await connection.sobject("Case").create({ ContactId: contact.id, Subject: "Help" });
      if (!kase.success) throw new Error("not created");
      await connection.sobject("CaseComment").create({ ParentId: kase.id, CommentBody: "Called back." });
      const cy = (await oracle.people()).find((person) => person.id === "cy");
      expect(cy?.identifiers).toEqual(expect.arrayContaining([{ kind: "phone", value: "+12025550110" }]));
      expect((await oracle.records("cy")).map((record) => record.ref.type).sort()).toEqual(["Case", "CaseComment", "Contact"]);

      // Undeclared: a person of its own, whose id is the Contact's.
      const stranger = await connection.sobject("Contact").create({ LastName: "Dee", Email: "dee@example.com" });
      if (!stranger.success) throw new Error("not created");
      expect((await oracle.people()).find((person) => person.id === stranger.id)).toMatchObject({ role: "subject", identifiers: [{ kind: "email", value: "dee@example.com" }] });
      expect((await oracle.records(stranger.id)).map((record) => record.ref.id)).toEqual([stranger.id]);
    } finally {
      await sandbox.stop();
    }
  });
});
