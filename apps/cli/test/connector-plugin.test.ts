import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@lethe/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortRun } from "./lethe-process";
import { makeInstallation, packPackage, repositoryRoot, runLetheIn, serveLetheIn, type ServingLethe } from "./plugin-installation";

/*
 * Issue #16's packed-plugin test: a connector plugin packed with npm, installed into a throwaway
 * Lethe installation with the packed SDK it peers on, found there by its package.json keyword,
 * and a request filed through it with the built CLI; the erasure is checked in the plugin's own
 * sandbox oracle. And a bad plugin refused with each problem named and exit code 2.
 */
const fixtures = path.join(repositoryRoot, "apps/cli/test/fixtures");

interface OraclePeople {
  people: Array<{ id: string; identifiers: Array<{ kind: string; value: string }> }>;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

describe("connector plugins installed from npm tarballs", () => {
  let work: string;
  let installation: string;
  let brokenInstallation: string;
  let env: NodeJS.ProcessEnv;
  let dropTestDatabase: (() => Promise<void>) | undefined;
  const running: ServingLethe[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "lethe-plugin-"));
    // mkdtemp makes it private (0700); the embedded server runs as another user when we are root.
    await chmod(work, 0o755);
    const sdk = await packPackage(path.join(repositoryRoot, "packages/connector-sdk"), work, "pnpm");
    const acme = await packPackage(path.join(fixtures, "acme-plugin"), work, "npm");
    const broken = await packPackage(path.join(fixtures, "broken-plugin"), work, "npm");
    installation = await makeInstallation(path.join(work, "installation"), [sdk, acme]);
    brokenInstallation = await makeInstallation(path.join(work, "broken-installation"), [broken]);
    env = { ...process.env, LETHE_HOME: path.join(work, "home"), LETHE_LOG_LEVEL: "info", LETHE_OUTBOUND_ALLOW: "127.0.0.1" };
    delete env.DATABASE_URL;
    delete env.LETHE_CONNECTORS;
    if (process.env.DATABASE_URL) {
      const testDatabase = await createTestDatabase();
      env.DATABASE_URL = testDatabase.url;
      dropTestDatabase = () => testDatabase.close();
    }
  }, 300_000);

  afterAll(async () => {
    for (const serving of running.reverse()) await serving.stop();
    await dropTestDatabase?.();
    await rm(work, { recursive: true, force: true });
  });

  it("serves the plugin's sandbox, adds a connection to it, and erases a person through it", async () => {
    const sandbox = await serveLetheIn(installation, ["sandbox", "start", "acme-crm"], env, /^\{.*\}\n/m, 60_000);
    running.push(sandbox);
    const served = JSON.parse(/^\{.*\}$/m.exec(sandbox.output())?.[0] ?? "{}") as { url: string; settings: unknown; credentials: unknown };
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const port = await freePortRun(1);
    const lethe = await serveLetheIn(installation, ["start", "--no-demo"], { ...env, LETHE_PORT: String(port) }, /Lethe is running\.[\s\S]*Ctrl-C/);
    running.push(lethe);
    expect(lethe.output()).toMatch(/info\s+loaded connector plugin @acme\/lethe-connector-acme-crm@1\.0\.0: "acme-crm" \(contract 1\.1\)/);
    const api = `http://127.0.0.1:${port}/api/v1`;

    const token = await runLetheIn(installation, ["token", "create", "--name", "plugin-test", "--role", "admin"], { ...env, LETHE_PORT: String(port) });
    expect(token.code, token.stderr).toBe(0);
    const headers = { authorization: `Bearer ${token.stdout.trim()}`, "content-type": "application/json" };

    // The API's connector types read the same registry: the plugin is one of them.
    const types = await getJson<{ connectorTypes: Array<{ id: string }> }>(`${api}/connector-types`, { headers });
    expect(types.connectorTypes.map((type) => type.id)).toContain("acme-crm");
    await getJson(`${api}/connector-instances`, {
      method: "POST",
      headers,
      body: JSON.stringify({ connectorId: "acme-crm", name: "acme", settings: served.settings, secrets: served.credentials }),
    });

    const { people } = await getJson<OraclePeople>(`${served.url}/__sandbox/people`);
    const [subject, other] = people;
    const email = subject?.identifiers.find((identifier) => identifier.kind === "email")?.value;
    if (!subject || !other || !email) throw new Error(`the acme sandbox has no people: ${JSON.stringify(people)}`);
    const recordsOf = async (id: string) => (await getJson<{ records: unknown[] }>(`${served.url}/__sandbox/people/${id}/records`)).records;
    expect(await recordsOf(subject.id)).toHaveLength(1);

    const erasure = await runLetheIn(installation, ["request", "create", "--type", "erasure", "--email", email, "--wait", "--timeout", "120"], {
      ...env,
      LETHE_PORT: String(port),
    });
    expect(erasure.code, `${erasure.stdout}\n${erasure.stderr}`).toBe(0);
    expect(erasure.stdout).toMatch(/^request [0-9a-f-]{36} completed/m);
    // The vendor no longer holds the subject's contact; the other person's is untouched.
    expect(await recordsOf(subject.id)).toEqual([]);
    expect(await recordsOf(other.id)).toHaveLength(1);
  }, 400_000);

  it("refuses a bad plugin with each of its problems named, exit code 2, no stack trace", async () => {
    const result = await runLetheIn(brokenInstallation, ["request", "list"], env);
    expect(result.code, result.stderr).toBe(2);
    // Found by its keyword alone: the installation's package.json names it only as a dependency.
    expect(result.stderr).toContain("a connector plugin was refused:\n  @acme/lethe-connector-broken:\n");
    expect(result.stderr).toContain("implements connector contract 0.9; this Lethe runs contract 1.1");
    expect(result.stderr).toMatch(/settings schema refuses its own examples\.settings \(baseUrl: /);
    expect(result.stderr).toContain("declares erase but implements no erase operation");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it("refuses a plugin named in LETHE_CONNECTORS that is not installed, and one whose id a built-in connector has", async () => {
    const missing = await runLetheIn(installation, ["request", "list"], { ...env, LETHE_CONNECTORS: "@acme/not-installed" });
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain("  @acme/not-installed:\n");
    expect(missing.stderr).toContain(`it is not installed in ${installation}`);

    const referencePackage = path.join(repositoryRoot, "connectors/reference");
    const clash = await runLetheIn(installation, ["request", "list"], { ...env, LETHE_CONNECTORS: referencePackage });
    expect(clash.code, clash.stderr).toBe(2);
    expect(clash.stderr).toContain('its id "reference" is already taken by a connector bundled with Lethe');
  }, 60_000);
});
