import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { registryPath, renderConnectorRegistry } from "../../scripts/connector-registry";
import { UsageError } from "../report-failure";
import { checkNewConnectorId, titleOf } from "./connector-id";
import { cliCheckout, cliDirectory, isInside } from "./lethe-checkout";
import { renderPackageJson, renderToolConfigs, type PackageLayout } from "./package-layout";
import { demoPhoneOf, outputPathOf, renderTemplate, type TemplateValues } from "./render-template";

export interface ScaffoldRequest {
  id: string;
  title?: string;
  /** Where to write the package; absent: `connectors/<id>` in a checkout, else `./<id>`. */
  dir?: string;
  cwd: string;
  installedIds: readonly string[];
  /** The version of the `@lethe/*` packages to depend on when the CLI is not in a checkout. */
  letheVersion: string;
}

export interface ScaffoldResult {
  directory: string;
  layout: PackageLayout;
  packageName: string;
  files: string[];
  /** The commands that take the new package to a passing `lethe connector test`. */
  nextCommands: string[];
}

/**
 * Writes a new connector package from templates/connector. Inside this CLI's own checkout it
 * becomes a workspace package that the CLI depends on and the registry lists; anywhere else it is
 * a standalone package (see PackageLayout for how it names `@lethe/*`).
 */
export async function scaffoldConnector(request: ScaffoldRequest): Promise<ScaffoldResult> {
  const id = checkNewConnectorId(request.id, request.installedIds);
  const checkout = cliCheckout();
  const directory = path.resolve(request.cwd, request.dir ?? (checkout && isInside(request.cwd, checkout) ? path.join(checkout, "connectors", id) : id));
  const workspace = checkout !== undefined && isInside(directory, checkout);
  if (workspace && path.dirname(directory) !== path.join(checkout, "connectors")) {
    throw new UsageError(`--dir: inside the Lethe checkout a connector lives in connectors/<id>, not ${path.relative(checkout, directory)}`);
  }
  await refuseNonEmpty(directory);
  const layout: PackageLayout = workspace
    ? { kind: "workspace" }
    : { kind: "standalone", lethe: checkout ? { from: "checkout", checkout } : { from: "registry", version: request.letheVersion } };
  const packageName = workspace ? `@lethe/connector-${id}` : `lethe-connector-${id}`;
  const values: TemplateValues = { id, title: request.title ?? titleOf(id), packageName, demoPhone: demoPhoneOf(id) };

  const files = await renderFiles(values, layout, id);
  for (const [relative, text] of files) {
    const target = workspace && relative.startsWith(".changeset/") && checkout ? path.join(checkout, relative) : path.join(directory, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  if (workspace && checkout) await registerInCli(checkout, packageName);
  return { directory, layout, packageName, files: [...files.keys()], nextCommands: nextCommands(layout, directory, request.cwd, id) };
}

async function refuseNonEmpty(directory: string): Promise<void> {
  if (!existsSync(directory)) return;
  const entries = await readdir(directory).catch(() => {
    throw new UsageError(`${directory} exists and is not a directory`);
  });
  if (entries.length > 0) throw new UsageError(`${directory} exists and is not empty; choose a new directory with --dir`);
}

async function renderFiles(values: TemplateValues, layout: PackageLayout, id: string): Promise<Map<string, string>> {
  const templates = path.join(cliDirectory(), "templates", "connector");
  const files = new Map<string, string>();
  for (const entry of await readdir(templates, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = outputPathOf(path.relative(templates, source));
    const text = renderTemplate(await readFile(source, "utf8"), values);
    if (relative === "changeset.md") files.set(`.changeset/connector-${id}.md`, text);
    else if (relative === "gitignore") files.set(".gitignore", text);
    else files.set(relative, text);
  }
  files.set("package.json", renderPackageJson(layout, values.packageName, id));
  for (const [name, text] of Object.entries(renderToolConfigs(layout))) files.set(name, text);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** The CLI depends on every workspace connector, and its registry lists them: no hand edit remains. */
async function registerInCli(checkout: string, packageName: string): Promise<void> {
  const manifestPath = path.join(checkout, "apps", "cli", "package.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { dependencies: Record<string, string> };
  manifest.dependencies[packageName] = "workspace:*";
  manifest.dependencies = Object.fromEntries(Object.entries(manifest.dependencies).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(registryPath, await renderConnectorRegistry());
}

function nextCommands(layout: PackageLayout, directory: string, cwd: string, id: string): string[] {
  if (layout.kind === "workspace") {
    return ["pnpm install", `pnpm turbo run build --filter @lethe/connector-${id}... --filter @lethe/cli`, `pnpm lethe connector test connectors/${id}`];
  }
  const relative = path.relative(cwd, directory) || ".";
  return [`cd ${relative}`, "pnpm install --prefer-offline", "lethe connector test"];
}
