import zendeskConnector from "@lethe/connector-zendesk";
import { startZendeskSandbox, type RunningZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import { detectPaymentCards } from "@lethe/redaction";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, oracleOf } from "../../test/reference-world";
import { runToEnd } from "../../test/run-to-end";
import { openSandboxWorld, type SandboxWorld } from "../../test/sandbox-world";
import { fileRequest } from "../file-request";
import { getRequestDetail } from "../request-detail";
import { attestIdentity } from "../verification";
import { bundleManifestSchema, type BundleManifest } from "./bundle-manifest";
import { escapeHtml } from "./bundle-index";
import { unzipAll } from "./bundle-test-support";
import { verifyBundle } from "./read-bundle";

/*
 * An access request through the real worker against the Zendesk sandbox's seeded world: the
 * subject requested tickets in which they wrote a card number, is CC'd on a colleague's ticket
 * and wrote there, and is mentioned in agents' comments on other people's tickets; near-identical
 * bystanders sit beside them. The bundle the person gets must be theirs: no card number in full,
 * no other person's identifiers, no other person's parts of the shared tickets, no internal URLs,
 * and an index.html that explains it.
 */

let world: SandboxWorld<RunningZendeskSandbox>;
let entries: Map<string, Buffer>;
let manifest: BundleManifest;
let subjectIdentifiers: string[];
let othersIdentifiers: string[];

beforeAll(async () => {
  world = await openSandboxWorld({
    connectors: [zendeskConnector],
    startSandbox: () => startZendeskSandbox({ seed: 1, rateLimitPerMinute: 1_000_000 }),
    instance: { connectorId: "zendesk", name: "Support <desk>", rateLimitPerMinute: 100_000 },
    worker: { concurrency: 2 },
  });
  const people = await oracleOf(world.running).people();
  const subject = people.find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject seeded");
  subjectIdentifiers = subject.identifiers.map((identifier) => identifier.value.toLowerCase());
  othersIdentifiers = people
    .filter((person) => person.id !== subject.id)
    .flatMap((person) => person.identifiers.map((identifier) => identifier.value.toLowerCase()))
    // A household member shares the subject's phone number: that number is the subject's too.
    .filter((value) => !subjectIdentifiers.some((own) => own.includes(value) || value.includes(own)));

  const { id } = await fileRequest(world.database, {
    type: "access",
    regime: "gdpr",
    identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    timeZone: "Europe/Berlin",
    defaultRegion: "DE",
    actor: "test",
  });
  await attestIdentity(world.database, { requestId: id, note: "passport seen at the counter", actor: "test" });
  await runToEnd({ database: world.database, registry: world.registry, secretBox: world.secretBox }, [id], { timeoutMs: 60_000 });
  const detail = await getRequestDetail(world.database, id);
  expect(detail?.request.status).toBe("completed");
  const path = detail?.exportPath ?? "";
  expect((await verifyBundle(path, { sha256: detail?.request.exportSha256 ?? "" })).ok).toBe(true);
  entries = await unzipAll(path);
  manifest = bundleManifestSchema.parse(JSON.parse(entries.get("manifest.json")?.toString("utf8") ?? ""));
}, 120_000);

afterAll(async () => {
  await world.close();
});

/** Every entry that is text (records, index, manifest), as text. */
function texts(): [string, string][] {
  return [...entries]
    .filter(([name]) => /\.(json|csv|html)$/.test(name))
    .map(([name, content]) => [name, content.toString("utf8")]);
}

function recordsOf(type: string): Record<string, unknown>[] {
  const entry = [...entries].find(([name]) => name.endsWith(`/${type}.json`));
  if (!entry) throw new Error(`no ${type}.json in the bundle`);
  return JSON.parse(entry[1].toString("utf8")) as Record<string, unknown>[];
}

describe("an access bundle fit for the person", () => {
  it("holds the tickets the subject requested, their place on a colleague's ticket and the comments about them", () => {
    const [system] = manifest.systems;
    expect(Object.keys(system?.records ?? {})).toEqual(expect.arrayContaining(["user", "ticket", "ticket_participation", "comment", "comment_mention"]));
  });

  it("shows no payment card number in full anywhere, and says how many it masked", () => {
    for (const [name, text] of texts()) {
      expect(detectPaymentCards(text), name).toEqual([]);
      expect(text, name).not.toMatch(/4111 1111 1111 1111|5555 5555 5555 4444/);
    }
    expect(manifest.systems[0]?.withheld?.cardNumbersMasked).toBeGreaterThan(0);
    expect(JSON.stringify(recordsOf("ticket"))).toMatch(/(4111 11|5555 55)\*\* \*\*\*\* (1111|4444)/);
  });

  it("holds no other person's e-mail address, phone number or user id", () => {
    expect(othersIdentifiers.length).toBeGreaterThan(0);
    for (const [name, text] of texts()) {
      const lower = text.toLowerCase();
      for (const value of othersIdentifiers) expect(lower.includes(value), `${value} in ${name}`).toBe(false);
    }
  });

  it("leaves out other people's parts of shared tickets and their metadata, and says so", () => {
    for (const participation of recordsOf("ticket_participation")) {
      const ticket = participation.ticket as Record<string, unknown>;
      for (const key of ["requester_id", "description", "via", "collaborator_ids", "email_cc_ids", "follower_ids"]) {
        expect(ticket).not.toHaveProperty(key);
      }
    }
    for (const record of recordsOf("ticket")) {
      const { ticket, comments } = record as { ticket: { requester_id: number }; comments: Record<string, unknown>[] };
      const others = comments.filter((comment) => comment.author_id !== ticket.requester_id);
      expect(others.length).toBeGreaterThan(0);
      for (const comment of others) {
        expect(comment).not.toHaveProperty("metadata");
        expect(comment).not.toHaveProperty("via");
      }
    }
    for (const mention of recordsOf("comment_mention")) {
      expect(mention.comment).not.toHaveProperty("metadata");
      expect(mention.comment).not.toHaveProperty("attachments");
    }
    expect(manifest.systems[0]?.withheld?.otherPeoplesParts).toBeGreaterThan(0);
  });

  it("drops the vendor's internal API addresses", () => {
    for (const [name, text] of texts()) {
      expect(text, name).not.toContain(world.running.url);
      expect(text, name).not.toContain("/api/v2/");
    }
    expect(manifest.systems[0]?.withheld?.internalFields).toBeGreaterThan(0);
  });

  it("explains itself in an escaped index.html with the Art. 15(1) information from the connector", () => {
    const html = entries.get("index.html")?.toString("utf8") ?? "";
    expect(manifest.files.find((file) => file.path === "index.html")).toMatchObject({ kind: "index", contentType: "text/html; charset=utf-8" });
    for (const section of ['id="summary"', 'id="systems"', 'id="about-this-bundle"']) expect(html).toContain(section);
    expect(html).toContain("Zendesk Support");
    expect(html).toContain("Support &lt;desk&gt;");
    expect(html).not.toContain("Support <desk>");
    // Purposes, basis and retention come from the connector's data inventory, recipients from its processing declaration.
    expect(html).toContain(escapeHtml(zendeskConnector.inventory.ticket?.purposes[0] ?? "(none declared)"));
    expect(html).toContain("Our legitimate interests (GDPR Art. 6(1)(f))");
    expect(html).toContain("2 years from the ticket being closed");
    expect(html).toContain(escapeHtml(zendeskConnector.processing?.recipients[0] ?? "(none declared)"));
    expect(html).toContain("Where it came from");
    expect(html).toContain("GDPR Art. 15(4)");
    for (const file of manifest.files.filter((listed) => listed.kind !== "index")) expect(html).toContain(file.path.split("/").pop() ?? "");
  });
});
