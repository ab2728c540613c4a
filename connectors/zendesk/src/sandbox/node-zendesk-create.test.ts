import { recordKey } from "@lethe/connector-sdk";
import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { createClient } from "node-zendesk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, zendeskContext } from "../../test/zendesk-context";
import { locate } from "../locate/locate";
import { startZendeskSandbox, type RunningZendeskSandbox } from "./index";

/*
 * A corpus loaded the vendor's way: node-zendesk 6, unchanged, creates users, identities and
 * tickets (one by one and through create_many jobs), then the connector locates them and the
 * oracle, which learnt who is who from the identifiers, agrees with it record for record.
 */

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 5, rateLimitPerMinute: 100_000 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

const client = () =>
  createClient({ username: sandbox.admin.email, token: sandbox.admin.apiToken, endpointUri: `${sandbox.url}/api/v2`, throwOriginalException: true });

interface CreatedUser {
  id: number;
  email: string | null;
  phone: string | null;
  active: boolean;
}

describe("creating data with node-zendesk 6", () => {
  it("creates a user, adds identities and files tickets that the connector then locates, as the oracle says", async () => {
    const zendesk = client();
    const { result: created } = await zendesk.users.create({ user: { name: "Ada Quill", email: "Ada.Quill@example.com", verified: true } });
    const user = created as unknown as CreatedUser;
    expect(user).toMatchObject({ email: "Ada.Quill@example.com", active: true });
    const { result: identity } = await zendesk.useridentities.create(user.id, { type: "phone_number", value: "+1 201-555-0147" });
    expect(identity).toMatchObject({ user_id: user.id, type: "phone_number", value: "+12015550147", primary: false });
    await zendesk.useridentities.create(user.id, { type: "email", value: "ada.home@example.net" });
    const { result: ticket } = await zendesk.tickets.create({ ticket: { subject: "Refund", comment: { body: "Please refund order 42." }, requester_id: user.id } });
    expect(ticket).toMatchObject({ requester_id: user.id, subject: "Refund", description: "Please refund order 42." });
    // A bystander's ticket with the subject copied in, filed by requester e-mail (Zendesk creates that user).
    await zendesk.tickets.create({
      ticket: { subject: "Delivery", comment: { body: "Where is my parcel?" }, requester: { name: "Ada Quil", email: "ada.quil@example.com" }, email_cc_ids: [user.id] },
    });

    const people = await oracle.people();
    const ada = people.find((person) => person.id === String(user.id));
    expect(ada?.identifiers).toEqual(
      expect.arrayContaining([
        { kind: "email", value: "ada.quill@example.com" },
        { kind: "email", value: "ada.home@example.net" },
        { kind: "phone", value: "+12015550147" },
      ]),
    );
    expect(people.some((person) => person.identifiers.some((i) => i.value === "ada.quil@example.com"))).toBe(true);

    const located = await collect(locate(zendeskContext(sandbox), { identifiers: [{ kind: "email", value: "ada.quill@example.com" }] }));
    const held = await oracle.records(String(user.id));
    expect(held.map((record) => record.ref.type).sort()).toEqual(["identity", "identity", "identity", "ticket", "ticket_participation", "user"]);
    const locatedKeys = new Set(located.map((record) => recordKey(record.ref)));
    for (const record of held) expect(locatedKeys.has(recordKey(record.ref)), recordKey(record.ref)).toBe(true);
  });

  it("creates many users and tickets through jobs that node-zendesk watches to completion", async () => {
    const zendesk = client();
    // node-zendesk posts its argument as the body; its type says an array, Zendesk wants `{users}`.
    const { result: usersJob } = await zendesk.users.createMany({
      users: [
        { name: "Bo Lind", email: "bo.lind@example.org" },
        { name: "", email: "nameless@example.org" },
        { name: "Bo Lind", email: "bo.lind+news@example.org", phone: "+12015550148" },
      ],
    } as unknown as object[]);
    const started = (usersJob as unknown as { job_status: { id: string; status: string; total: number } }).job_status;
    expect(started).toMatchObject({ status: "queued", total: 3 });
    const done = (await zendesk.jobstatuses.watch(started.id, 20, 5)) as { status: string; results: { id?: number; status: string; email?: string; index?: number }[] };
    expect(done.status).toBe("completed");
    expect(done.results.map((result) => result.status)).toEqual(["Created", "Failed", "Created"]);
    expect(done.results[1]).toMatchObject({ index: 1, status: "Failed" });
    const [bo, , boNews] = done.results;
    if (bo?.id === undefined || boNews?.id === undefined) throw new Error("users not created");

    const { result: ticketsJob } = await zendesk.tickets.createMany({
      tickets: [
        { subject: "Invoice", comment: { body: "Invoice for bo.lind@example.org attached." }, requester_id: bo.id },
        { subject: "Newsletter", comment: { body: "Unsubscribe me." }, requester_id: boNews.id },
        { subject: "Broken", requester_id: bo.id },
      ] as never,
    });
    const ticketsStarted = (ticketsJob as unknown as { job_status: { id: string } }).job_status;
    const ticketsDone = (await zendesk.jobstatuses.watch(ticketsStarted.id, 20, 5)) as { results: { index: number; id?: number; error?: string }[] };
    expect(ticketsDone.results.map((result) => result.index)).toEqual([0, 1, 2]);
    expect(ticketsDone.results[2]).toMatchObject({ error: "TicketCreateError" });
    const invoiceId = ticketsDone.results[0]?.id;

    // Two people, told apart by their exact addresses; the connector finds Bo's ticket and not the +tag user's.
    const located = await collect(locate(zendeskContext(sandbox), { identifiers: [{ kind: "email", value: "bo.lind@example.org" }] }));
    expect(located.some((record) => record.ref.type === "ticket" && record.ref.id === String(invoiceId))).toBe(true);
    const held = await oracle.records(String(bo.id));
    expect(held.filter((record) => record.ref.type === "ticket").map((record) => record.ref.id)).toEqual([String(invoiceId)]);
    expect((await oracle.records(String(boNews.id))).some((record) => record.ref.type === "ticket")).toBe(true);
  });

  it("answers Zendesk's 422 RecordInvalid for a duplicate e-mail, a blank name and a ticket without a description", async () => {
    const zendesk = client();
    await zendesk.users.create({ user: { name: "Cy Dunn", email: "cy.dunn@example.com" } });
    await expect(zendesk.users.create({ user: { name: "", email: "CY.DUNN@example.com" } })).rejects.toMatchObject({
      statusCode: 422,
      result: {
        error: "RecordInvalid",
        description: "Record validation errors",
        details: {
          name: [{ error: "BlankValue" }],
          email: [{ description: "Email: CY.DUNN@example.com is already being used by another user", error: "DuplicateValue" }],
        },
      },
    });
    await expect(zendesk.tickets.create({ ticket: { subject: "Empty" } })).rejects.toMatchObject({
      statusCode: 422,
      result: { error: "RecordInvalid", details: { base: [{ description: "Description: cannot be blank", error: "BlankValue" }] } },
    });
    await expect(zendesk.useridentities.create(1, { type: "email", value: "x@example.com" })).rejects.toMatchObject({ statusCode: 404 });
  });
});
