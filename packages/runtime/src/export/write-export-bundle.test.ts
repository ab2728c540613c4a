import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { ExportItem } from "@lethe/connector-sdk";
import { binaryOf, systemOf, unzipAll } from "./bundle-test-support";
import { bundleManifestSchema } from "./bundle-manifest";
import { BinarySizeMismatchError, InvalidExportInputError } from "./errors";
import { readBundleManifest, verifyBundle } from "./read-bundle";
import { writeExportBundle } from "./write-export-bundle";

const request = {
  id: "5f0c1a4e-8a59-4b8e-9a43-0f6f4b8f2a11",
  type: "access",
  regime: "gdpr",
  receivedAt: "2025-03-01T09:00:00.000Z",
};
const now = () => new Date("2025-03-04T10:30:00.000Z");
const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

let workDirectory: string;
beforeEach(async () => {
  workDirectory = await mkdtemp(join(tmpdir(), "lethe-export-"));
});
afterEach(async () => {
  await rm(workDirectory, { recursive: true, force: true });
});

function record(type: string, id: string, data: Record<string, unknown>): ExportItem {
  return { kind: "record", ref: { type, id }, data };
}

describe("writeExportBundle", () => {
  it("writes a bundle that an independent zip reader round-trips, with a manifest whose checksums match", async () => {
    const directory = join(workDirectory, "exports", "nested");
    const recording = Buffer.from("RIFF....WAVEfmt synthetic audio bytes");
    const bundle = await writeExportBundle({
      directory,
      request,
      now,
      systems: [
        systemOf("Support desk", [
          record("person", "p1", { id: "p1", email: "ada@example.com", address: { city: "Leeds" } }),
          record("ticket", "t1", { id: "t1", subject: "Refund", tags: ["billing"] }),
          binaryOf("call-1.wav", recording),
          record("ticket", "t2", { id: "t2", subject: "=cmd|' /C calc'!A0", priority: 2 }),
        ]),
        systemOf("CRM", [record("contact", "c1", { id: "c1", phone: "+441134960000" })], {
          connectorId: "salesforce",
          connectorVersion: "2.3.1",
        }),
      ],
    });

    expect(bundle.path).toBe(join(directory, `${request.id}.zip`));
    expect(await readdir(directory)).toEqual([`${request.id}.zip`]);
    const onDisk = await readFile(bundle.path);
    expect(bundle.bytes).toBe(onDisk.length);
    expect(bundle.sha256).toBe(sha256(onDisk));
    expect(bundle.counts).toEqual({
      "instance-Support desk": { records: 3, files: 1 },
      "instance-CRM": { records: 1, files: 0 },
    });

    const entries = await unzipAll(bundle.path);
    expect([...entries.keys()].sort()).toEqual([
      "index.html",
      "manifest.json",
      "systems/CRM/contact.csv",
      "systems/CRM/contact.json",
      "systems/Support desk/files/call-1.wav",
      "systems/Support desk/person.csv",
      "systems/Support desk/person.json",
      "systems/Support desk/ticket.csv",
      "systems/Support desk/ticket.json",
    ]);
    expect(entries.get("systems/Support desk/files/call-1.wav")).toEqual(recording);
    expect(JSON.parse(entries.get("systems/Support desk/ticket.json")!.toString())).toEqual([
      { id: "t1", subject: "Refund", tags: ["billing"] },
      { id: "t2", subject: "=cmd|' /C calc'!A0", priority: 2 },
    ]);
    expect(entries.get("systems/Support desk/ticket.csv")!.toString()).toBe(
      'id,subject,tags,priority\r\nt1,Refund,"[""billing""]",\r\nt2,\'=cmd|\' /C calc\'!A0,,2\r\n',
    );
    expect(entries.get("systems/Support desk/person.csv")!.toString()).toBe(
      "id,email,address.city\r\np1,ada@example.com,Leeds\r\n",
    );
    expect(entries.get("systems/CRM/contact.csv")!.toString()).toBe("id,phone\r\nc1,'+441134960000\r\n");

    const manifest = bundleManifestSchema.parse(JSON.parse(entries.get("manifest.json")!.toString()));
    expect(manifest.formatVersion).toBe(3);
    expect(manifest.request).toEqual(request);
    expect(manifest.generatedAt).toBe("2025-03-04T10:30:00.000Z");
    expect(manifest.systems).toEqual([
      {
        instanceId: "instance-Support desk",
        instanceName: "Support desk",
        directory: "systems/Support desk",
        connector: { id: "reference", version: "0.1.0" },
        records: { person: 1, ticket: 2 },
        files: 1,
        withheld: { otherPeoplesParts: 0, internalFields: 0, cardNumbersMasked: 0 },
      },
      {
        instanceId: "instance-CRM",
        instanceName: "CRM",
        directory: "systems/CRM",
        connector: { id: "salesforce", version: "2.3.1" },
        records: { contact: 1 },
        files: 0,
        withheld: { otherPeoplesParts: 0, internalFields: 0, cardNumbersMasked: 0 },
      },
    ]);
    expect(manifest.files.map((file) => file.path).sort()).toEqual(
      [...entries.keys()].filter((name) => name !== "manifest.json").sort(),
    );
    for (const file of manifest.files) {
      const content = entries.get(file.path)!;
      expect({ path: file.path, size: file.size, sha256: file.sha256 }).toEqual({
        path: file.path,
        size: content.length,
        sha256: sha256(content),
      });
    }
    expect(manifest.files.find((file) => file.kind === "binary")).toMatchObject({
      contentType: "audio/wav",
      ref: { type: "recording", id: "call-1.wav" },
    });

    expect(await readBundleManifest(bundle.path)).toEqual(manifest);
    const verification = await verifyBundle(bundle.path, { sha256: bundle.sha256 });
    expect(verification).toMatchObject({ ok: true, checked: 8, problems: [], archive: { matches: true } });
  });

  it("writes the person's copy: other people's parts and roled fields left out, card numbers masked, all counted and explained", async () => {
    const bundle = await writeExportBundle({
      directory: workDirectory,
      request,
      now,
      systems: [
        systemOf(
          "Desk",
          [
            {
              kind: "record",
              ref: { type: "ticket", id: "t1" },
              data: {
                url: "https://acme.example/api/v2/tickets/t1.json",
                comments: [
                  { author: "subject", body: "My card 4111 1111 1111 1111 was charged twice." },
                  { author: "other", body: "Call me on +44 20 7946 0123", ip: "198.51.100.9" },
                ],
              },
              parts: [{ path: ["comments", 1], about: "other", label: "another person's comment" }],
            },
          ],
          {
            title: "Help desk",
            fieldRoles: { ticket: { url: "vendor-url" } },
            processing: { purposes: ["Answering <your> requests"], recipients: ["Support staff"], retention: "2 years", source: "You" },
          },
        ),
      ],
    });
    const entries = await unzipAll(bundle.path);
    const json = entries.get("systems/Desk/ticket.json")?.toString() ?? "";
    expect(JSON.parse(json)).toEqual([{ comments: [{ author: "subject", body: "My card 4111 11** **** 1111 was charged twice." }] }]);
    expect(entries.get("systems/Desk/ticket.csv")?.toString()).toBe(
      'comments\r\n"[{""author"":""subject"",""body"":""My card 4111 11** **** 1111 was charged twice.""}]"\r\n',
    );
    const manifest = bundleManifestSchema.parse(JSON.parse(entries.get("manifest.json")?.toString() ?? ""));
    expect(manifest.systems[0]?.withheld).toEqual({ otherPeoplesParts: 1, internalFields: 1, cardNumbersMasked: 1 });
    expect(manifest.systems[0]?.processing?.retention).toBe("2 years");
    const html = entries.get("index.html")?.toString() ?? "";
    expect(html).toContain("Help desk");
    expect(html).toContain("Answering &lt;your&gt; requests");
    expect(html).toContain("systems/Desk/ticket.json");
    expect(html).toContain("GDPR Art. 15(4)");
    expect((await verifyBundle(bundle.path)).ok).toBe(true);
  });

  it("verifyBundle reports altered, missing and unlisted entries of a tampered bundle", async () => {
    const bundle = await writeExportBundle({
      directory: workDirectory,
      request,
      now,
      systems: [systemOf("Desk", [record("ticket", "t1", { id: "t1" }), binaryOf("a.wav", Buffer.from("audio"))])],
    });
    const entries = await unzipAll(bundle.path);
    const tampered = join(workDirectory, "tampered.zip");
    const zip = new ZipFile();
    for (const [name, content] of entries) {
      if (name === "systems/Desk/ticket.csv") continue;
      zip.addBuffer(name === "systems/Desk/files/a.wav" ? Buffer.from("AUDIO") : content, name);
    }
    zip.addBuffer(Buffer.from("smuggled"), "systems/Desk/extra.txt");
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(tampered));

    const verification = await verifyBundle(tampered, { sha256: bundle.sha256 });
    expect(verification.ok).toBe(false);
    expect(verification.archive?.matches).toBe(false);
    expect(verification.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "systems/Desk/files/a.wav", problem: "checksum-mismatch" }),
        { path: "systems/Desk/extra.txt", problem: "unlisted" },
        { path: "systems/Desk/ticket.csv", problem: "missing" },
      ]),
    );
    expect(verification.problems).toHaveLength(3);
  });

  it("keeps connector-supplied names inside their folder and unique", async () => {
    const audio = Buffer.from("x");
    const bundle = await writeExportBundle({
      directory: workDirectory,
      request,
      now,
      systems: [
        systemOf("../../outside", [
          binaryOf("../../../../tmp/evil.wav", audio, { ref: { type: "recording", id: "1" } }),
          binaryOf("evil.wav", audio, { ref: { type: "recording", id: "2" } }),
          binaryOf("EVIL.wav", audio, { ref: { type: "recording", id: "3" } }),
          binaryOf("..", audio, { ref: { type: "recording", id: "4" } }),
          record("../ticket", "t1", { id: "t1" }),
        ]),
        systemOf("outside", [record("ticket", "t9", { id: "t9" })], { instanceId: "second" }),
      ],
    });
    const names = [...(await unzipAll(bundle.path)).keys()]
      .filter((name) => name !== "manifest.json" && name !== "index.html")
      .sort();
    expect(names).toEqual([
      "systems/outside-2/ticket.csv",
      "systems/outside-2/ticket.json",
      "systems/outside/files/EVIL-3.wav",
      "systems/outside/files/evil-2.wav",
      "systems/outside/files/evil.wav",
      "systems/outside/files/recording-4",
      "systems/outside/ticket.csv",
      "systems/outside/ticket.json",
    ]);
    for (const name of names) expect(name.split("/")).not.toContain("..");
  });

  it("leaves nothing at the final path and no temporary files when a connector fails mid-way", async () => {
    const failing = systemOf("Desk", async function* () {
      yield record("ticket", "t1", { id: "t1" });
      yield binaryOf("ok.wav", Buffer.alloc(1024, 1));
      yield {
        kind: "binary",
        ref: { type: "recording", id: "r2" },
        name: "broken.wav",
        contentType: "audio/wav",
        size: 4096,
        content: async function* () {
          yield Buffer.alloc(1024, 2);
          throw new Error("connection reset by vendor");
        },
      } satisfies ExportItem;
    });
    await expect(writeExportBundle({ directory: workDirectory, request, now, systems: [failing] })).rejects.toThrow(
      "connection reset by vendor",
    );
    expect(await readdir(workDirectory)).toEqual([]);
  });

  it("keeps a previous bundle intact when rewriting it fails", async () => {
    const first = await writeExportBundle({
      directory: workDirectory,
      request,
      now,
      systems: [systemOf("Desk", [record("ticket", "t1", { id: "t1" })])],
    });
    const before = await readFile(first.path);
    const failing = systemOf("Desk", async function* () {
      yield record("ticket", "t1", { id: "t1" });
      throw new Error("vendor went away");
    });
    await expect(writeExportBundle({ directory: workDirectory, request, now, systems: [failing] })).rejects.toThrow(
      "vendor went away",
    );
    expect(await readdir(workDirectory)).toEqual([`${request.id}.zip`]);
    expect(await readFile(first.path)).toEqual(before);
  });

  it("refuses a binary that streams fewer or more bytes than it declared, with a typed error", async () => {
    for (const [declared, actual] of [
      [10, 9],
      [10, 11],
    ] as const) {
      const mismatched = binaryOf("short.wav", Buffer.alloc(actual), { size: declared });
      const attempt = writeExportBundle({
        directory: workDirectory,
        request,
        now,
        systems: [systemOf("Desk", [mismatched])],
      });
      await expect(attempt).rejects.toBeInstanceOf(BinarySizeMismatchError);
      await expect(attempt).rejects.toMatchObject({ details: { declared, streamed: actual } });
      expect(await readdir(workDirectory)).toEqual([]);
    }
  });

  it("refuses a request id that is not a safe file name, writing nothing", async () => {
    const attempt = writeExportBundle({
      directory: join(workDirectory, "never"),
      request: { ...request, id: "../escape" },
      systems: [],
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidExportInputError);
    await expect(stat(join(workDirectory, "never"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("writes a valid bundle for a subject no system holds data on", async () => {
    const bundle = await writeExportBundle({ directory: workDirectory, request, now, systems: [systemOf("Desk", [])] });
    expect(bundle.counts).toEqual({ "instance-Desk": { records: 0, files: 0 } });
    const manifest = await readBundleManifest(bundle.path);
    expect(manifest.files.map((file) => file.kind)).toEqual(["index"]);
    expect(manifest.systems[0]).toMatchObject({ records: {}, files: 0 });
    expect((await verifyBundle(bundle.path)).ok).toBe(true);
  });

  it("reads a file that is not a bundle as a typed error", async () => {
    const notZip = join(workDirectory, "note.zip");
    await writeFile(notZip, "hello");
    await expect(readBundleManifest(notZip)).rejects.toMatchObject({ code: "malformed_bundle" });
  });
});
