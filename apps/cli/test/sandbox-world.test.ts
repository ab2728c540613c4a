import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runLethe } from "./lethe-process";

/* `lethe sandbox start <id> --world <file.json>` with the built binary: a fixture world served, a bad one refused by path. */

const executable = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const directory = mkdtempSync(path.join(tmpdir(), "lethe-world-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function worldFile(name: string, world: unknown): string {
  const file = path.join(directory, name);
  writeFileSync(file, typeof world === "string" ? world : JSON.stringify(world));
  return file;
}

/** Starts the sandbox, waits for its JSON line, and hands back its URL and a stop. */
function serve(args: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [executable, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const closed = new Promise<void>((done) => child.on("close", () => done()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && line) {
        const { url } = JSON.parse(line) as { url: string };
        resolve({ url, stop: async () => void (child.kill("SIGTERM"), await closed) });
      }
    });
    child.on("close", (code) => reject(new Error(`lethe sandbox start exited ${String(code)}: ${stderr}`)));
  });
}

describe("lethe sandbox start --world", () => {
  it("serves the fixture world's people and records instead of the seeded ones", async () => {
    const file = worldFile("reference.json", {
      people: [{ id: "ada", role: "subject", identifiers: [{ kind: "email", value: "ada@example.com" }] }],
      crm: [{ person: { name: "Ada", email: "ada@example.com", phone: "+12015550147" }, notes: [{ body: "VIP" }] }],
    });
    const sandbox = await serve(["sandbox", "start", "reference", "--world", file]);
    try {
      const people = (await (await fetch(`${sandbox.url}/__sandbox/people`)).json()) as { people: { id: string }[] };
      expect(people.people.map((person) => person.id)).toEqual(["ada"]);
      const records = (await (await fetch(`${sandbox.url}/__sandbox/people/ada/records`)).json()) as { records: { ref: { type: string } }[] };
      expect(records.records.map((record) => record.ref.type).sort()).toEqual(["note", "person"]);
    } finally {
      await sandbox.stop();
    }
  });

  it("serves a recorder fixture world: the declared caller's call, found by the oracle", async () => {
    const file = worldFile("recorder.json", {
      people: [{ id: "ada", role: "subject", identifiers: [{ kind: "email", value: "ada@example.com" }] }],
      calls: [
        {
          startTime: "2025-09-01T10:00:00Z",
          participants: [
            { aor: "tel:+12015550147", name: "Ada", role: "customer", channel: 0, email: "ada@example.com" },
            { aor: "sip:agent.1042@cc.example.com", role: "agent", channel: 1 },
          ],
          lines: [{ participant: 1, text: "how can I help" }, { participant: 0, text: "please delete my data" }],
        },
      ],
    });
    const sandbox = await serve(["sandbox", "start", "recorder", "--world", file]);
    try {
      const records = (await (await fetch(`${sandbox.url}/__sandbox/people/ada/records`)).json()) as { records: { ref: { type: string } }[] };
      expect(records.records.map((record) => record.ref.type).sort()).toEqual(["consent", "recording", "transcript"]);
    } finally {
      await sandbox.stop();
    }
  });

  it("refuses a world that does not fit with exit code 2 and each bad path, and a file that is not JSON", async () => {
    const bad = worldFile("bad.json", { users: [{ name: "A", email: "a@example.com" }, { name: "", email: "nope" }] });
    const refused = await runLethe(["sandbox", "start", "zendesk", "--world", bad], process.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/users\[1\]\.name: .*BlankValue|users\[1\]\.name: Name/);
    expect(refused.stderr).toContain("users[1].email: Email: nope is not properly formatted");
    const notJson = await runLethe(["sandbox", "start", "reference", "--world", worldFile("broken.json", "{")], process.env);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("is not JSON");
    const badCalls = await runLethe(["sandbox", "start", "recorder", "--world", worldFile("bad-calls.json", { calls: [{ startTime: "2025-09-01T10:00:00Z", participants: [{ aor: "0201 555 0147", role: "customer", channel: 0 }] }] })], process.env);
    expect(badCalls.code).toBe(2);
    expect(badCalls.stderr).toContain("calls[0].participants[0].aor:");
    // Every bundled sandbox loads worlds, each in its own vendor's shape: Zendesk's is not Salesforce's.
    const otherVendors = await runLethe(["sandbox", "start", "salesforce", "--world", bad], process.env);
    expect(otherVendors.code).toBe(2);
    expect(otherVendors.stderr).toContain("--world");
    expect(otherVendors.stderr).toMatch(/users/);
  });
});
