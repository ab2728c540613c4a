import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverKeywordPlugins } from "./keyword-plugins";
import { loadPlugins, PluginRefusedError } from "./load-plugins";
import { readPluginConfig } from "./plugin-config";
import { mergePluginSpecifiers, parsePluginList } from "./plugin-specifiers";
import { resolvePlugin } from "./resolve-plugin";

/*
 * An installation directory on disk with plugin packages in node_modules, written as plain ESM
 * JavaScript: what `npm install` of a built plugin leaves. The connector imports nothing, so the
 * test needs no SDK copy in it; `defineConnector` would only add `contractVersion`, written here.
 */
let installation: string;

const connectorSource = (id: string, overrides = "") => `
const schema = (check) => ({ safeParse: (value) => (check(value) ? { success: true, data: value } : { success: false, error: { issues: [{ path: ["baseUrl"], message: "Invalid URL" }] } }) });
export default {
  id: ${JSON.stringify(id)}, contractVersion: "1.0", version: "1.0.0", title: "Acme", description: "A CRM", docsUrl: "https://example.com",
  settings: schema((v) => typeof v?.baseUrl === "string" && v.baseUrl.startsWith("http")), secrets: schema(() => true),
  examples: { settings: { baseUrl: "https://acme.example.com" }, secrets: {} },
  identifiers: ["email"], dataCategories: {}, recordSchemas: {},
  capabilities: { locate: true, export: false, erase: false, redact: false, hold: false, discover: false, confirm: false },
  rateLimit: { requestsPerMinute: 60 },
  async check() {}, async *locate() {},
  ${overrides}
};`;

async function writePackage(name: string, files: Record<string, string>, manifest: Record<string, unknown> = {}): Promise<void> {
  const directory = path.join(installation, "node_modules", name);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "package.json"), JSON.stringify({ name, version: "1.2.3", type: "module", ...manifest }));
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(directory, file), text);
}

beforeAll(async () => {
  installation = await mkdtemp(path.join(tmpdir(), "lethe-plugins-"));
  await writePackage("@acme/lethe-connector-crm", { "index.js": connectorSource("acme-crm"), "sandbox.js": 'export default { connectorId: "acme-crm", async start() { throw new Error("not in this test"); } };' }, {
    keywords: ["lethe-connector"],
    exports: { ".": { import: "./index.js" }, "./sandbox": { import: "./sandbox.js" } },
  });
  await writePackage("lethe-connector-old", { "index.js": connectorSource("old-crm").replace('contractVersion: "1.0"', 'contractVersion: "0.3"') }, { main: "index.js" });
  await writePackage("lethe-connector-liar", { "index.js": connectorSource("liar", "").replace('examples: { settings: { baseUrl: "https://acme.example.com" }', 'examples: { settings: { baseUrl: "ftp:nope" }') }, { exports: "./index.js" });
  await writePackage("left-pad", { "index.js": "export default 1;" });
  await writeFile(
    path.join(installation, "package.json"),
    JSON.stringify({ name: "our-lethe", private: true, dependencies: { "@acme/lethe-connector-crm": "^1.0.0", "left-pad": "^1.0.0" } }),
  );
});

afterAll(async () => {
  await rm(installation, { recursive: true, force: true });
});

describe("naming plugins", () => {
  it("reads LETHE_CONNECTORS as a comma-separated list and merges sources without repeats", () => {
    expect(parsePluginList(" @acme/a , ./b,,")).toEqual(["@acme/a", "./b"]);
    expect(parsePluginList(undefined)).toEqual([]);
    expect(mergePluginSpecifiers(["a", "b"], ["b", "c"], ["a"])).toEqual(["a", "b", "c"]);
  });

  it("reads lethe.config.json's connectors, none without the file, and names a bad field", async () => {
    expect(await readPluginConfig(installation)).toEqual([]);
    const configured = await mkdtemp(path.join(tmpdir(), "lethe-config-"));
    await writeFile(path.join(configured, "lethe.config.json"), JSON.stringify({ connectors: ["@acme/lethe-connector-crm"] }));
    expect(await readPluginConfig(configured)).toEqual(["@acme/lethe-connector-crm"]);
    await writeFile(path.join(configured, "lethe.config.json"), JSON.stringify({ connectors: "@acme/x", extra: 1 }));
    await expect(readPluginConfig(configured)).rejects.toThrow(/lethe\.config\.json: connectors: .*expected array/);
    await writeFile(path.join(configured, "lethe.config.json"), "{ not json");
    await expect(readPluginConfig(configured)).rejects.toThrow(/is not JSON/);
    await rm(configured, { recursive: true, force: true });
  });

  it("discovers the installation's dependencies with the lethe-connector keyword, and only those", async () => {
    expect(await discoverKeywordPlugins(installation)).toEqual(["@acme/lethe-connector-crm"]);
  });
});

describe("loading plugins", () => {
  it("resolves a package from the installation's node_modules, with its sandbox export", async () => {
    const resolved = await resolvePlugin("@acme/lethe-connector-crm", installation);
    expect(resolved).toMatchObject({ packageName: "@acme/lethe-connector-crm", packageVersion: "1.2.3" });
    expect(typeof resolved === "object" && resolved.sandboxUrl).toMatch(/sandbox\.js$/);
    expect(await resolvePlugin("not-installed-anywhere", installation)).toMatch(/is not installed in/);
  });

  it("loads a valid plugin and refuses the others, each with every reason", async () => {
    const { loaded, refused } = await loadPlugins(
      ["@acme/lethe-connector-crm", "lethe-connector-old", "lethe-connector-liar", "missing-plugin", "left-pad"],
      installation,
    );
    expect(loaded.map((plugin) => plugin.connector.id)).toEqual(["acme-crm"]);
    expect(await loaded[0]?.loadSandbox?.()).toMatchObject({ connectorId: "acme-crm" });
    expect(refused).toEqual([
      { specifier: "lethe-connector-old", problems: [expect.stringContaining("the major versions must match")] },
      { specifier: "lethe-connector-liar", problems: [expect.stringContaining("settings schema refuses its own examples.settings (baseUrl: Invalid URL)")] },
      { specifier: "missing-plugin", problems: [expect.stringContaining("is not installed")] },
      { specifier: "left-pad", problems: [expect.stringContaining("not a connector definition")] },
    ]);
    const message = new PluginRefusedError(refused).message;
    expect(message).toMatch(/^4 connector plugins were refused:\n {2}lethe-connector-old:\n {4}- implements connector contract 0\.3/);
  });

  it("resolves a plugin given as a path relative to the installation", async () => {
    const { loaded } = await loadPlugins(["./node_modules/@acme/lethe-connector-crm"], installation);
    expect(loaded.map((plugin) => plugin.packageName)).toEqual(["@acme/lethe-connector-crm"]);
  });
});
