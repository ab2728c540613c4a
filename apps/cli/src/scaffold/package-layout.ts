/**
 * Where the new package lives decides how it names its dependencies:
 * - `workspace`: `connectors/<id>` of a Lethe checkout, `workspace:*` and `catalog:` like its siblings,
 *   and the repository's shared tsconfig, lint and build presets;
 * - `standalone`: a directory of its own, with self-contained configs and `@lethe/*` either from
 *   the registry (`version`) or, when the CLI runs from a source checkout whose packages are not
 *   published, `link:`ed to that checkout's built packages (`checkout`).
 */
export type PackageLayout =
  | { kind: "workspace" }
  | { kind: "standalone"; lethe: { from: "registry"; version: string } | { from: "checkout"; checkout: string } };

/** The `@lethe/*` packages a connector package uses: the contract, its test suite, the sandbox toolkit. */
export const lethePackages = {
  sdk: { name: "@lethe/connector-sdk", directory: "packages/connector-sdk" },
  testkit: { name: "@lethe/connector-testkit", directory: "packages/connector-testkit" },
  sandboxKit: { name: "@lethe/sandbox-kit", directory: "packages/sandbox-kit" },
} as const;

/**
 * Versions a standalone package pins for its third-party tools: the workspace catalog's
 * (pnpm-workspace.yaml), so a scaffolded package builds with what Lethe is tested with. A unit test
 * holds the two lists together.
 */
export const standaloneVersions = {
  "@eslint/js": "^9.39.0",
  "@faker-js/faker": "^10.1.0",
  "@types/express": "^5.0.3",
  "@types/node": "^20.19.0",
  eslint: "^9.39.0",
  express: "^5.1.0",
  tsdown: "0.21.10",
  typescript: "~5.9.3",
  "typescript-eslint": "^8.46.0",
  vitest: "~4.1.0",
  zod: "^4.6.7",
} as const;
type Tool = keyof typeof standaloneVersions;

function lethe(layout: PackageLayout, pkg: keyof typeof lethePackages): string {
  if (layout.kind === "workspace") return "workspace:*";
  if (layout.lethe.from === "registry") return `^${layout.lethe.version}`;
  return `link:${layout.lethe.checkout}/${lethePackages[pkg].directory}`;
}

function tool(layout: PackageLayout, name: Tool): string {
  return layout.kind === "workspace" ? "catalog:" : standaloneVersions[name];
}

function tools(layout: PackageLayout, names: readonly Tool[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, tool(layout, name)]));
}

export function renderPackageJson(layout: PackageLayout, packageName: string, id: string): string {
  const workspace = layout.kind === "workspace";
  const manifest = {
    name: packageName,
    version: "0.1.0",
    type: "module",
    license: "Apache-2.0",
    // The keyword by which Lethe installations and npm searches find connector plugins.
    keywords: ["lethe-connector"],
    exports: {
      ".": { source: "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./sandbox": { source: "./src/sandbox/index.ts", types: "./dist/sandbox.d.ts", default: "./dist/sandbox.js" },
    },
    files: ["dist", "src", "README.md", "API.md", "FIDELITY.md"],
    scripts: { build: "tsdown", typecheck: "tsc -p .", lint: "eslint ." },
    dependencies: { [lethePackages.sdk.name]: lethe(layout, "sdk"), ...tools(layout, ["zod"]) },
    devDependencies: {
      ...tools(layout, ["@faker-js/faker", "@types/express", "@types/node", "eslint", "express", "tsdown", "typescript", "vitest"]),
      ...(workspace ? { "@lethe/eslint-config": "workspace:*", "@lethe/tsconfig": "workspace:*", "@lethe/tsdown-config": "workspace:*" } : tools(layout, ["@eslint/js", "typescript-eslint"])),
      [lethePackages.testkit.name]: lethe(layout, "testkit"),
      [lethePackages.sandboxKit.name]: lethe(layout, "sandboxKit"),
    },
    // The sandbox (`./sandbox`) is for tests and demos: a Lethe installation loads the connector without it.
    peerDependencies: {
      ...tools(layout, ["@faker-js/faker", "express"]),
      [lethePackages.sandboxKit.name]: workspace ? "workspace:>=0.1.0" : ">=0.1.0",
    },
    peerDependenciesMeta: {
      "@faker-js/faker": { optional: true },
      express: { optional: true },
      [lethePackages.sandboxKit.name]: { optional: true },
    },
    ...(workspace ? { repository: { type: "git", url: "git+https://github.com/lethe-dsr/lethe.git", directory: `connectors/${id}` } } : {}),
    publishConfig: { access: "public" },
  };
  return `${JSON.stringify(sortDependencies(manifest), null, 2)}\n`;
}

function sortDependencies<T extends Record<string, unknown>>(manifest: T): T {
  const sorted: Record<string, unknown> = { ...manifest };
  for (const key of ["dependencies", "devDependencies", "peerDependencies"]) {
    const block = manifest[key] as Record<string, string>;
    sorted[key] = Object.fromEntries(Object.entries(block).sort(([a], [b]) => a.localeCompare(b)));
  }
  return sorted as T;
}

/** tsconfig.json, eslint.config.js and tsdown.config.ts: the workspace's presets, or the same settings spelt out. */
export function renderToolConfigs(layout: PackageLayout): Record<string, string> {
  if (layout.kind === "workspace") {
    return {
      "tsconfig.json": `${JSON.stringify({ extends: "@lethe/tsconfig/base.json", include: ["src", "*.ts"] }, null, 2)}\n`,
      "eslint.config.js": 'export { default } from "@lethe/eslint-config";\n',
      "tsdown.config.ts": 'import { defineLetheBuild } from "@lethe/tsdown-config";\n\nexport default defineLetheBuild({ index: "src/index.ts", sandbox: "src/sandbox/index.ts" });\n',
    };
  }
  const compilerOptions = {
    target: "ES2023",
    lib: ["ES2023"],
    module: "Preserve",
    moduleResolution: "Bundler",
    moduleDetection: "force",
    resolveJsonModule: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  };
  return {
    "tsconfig.json": `${JSON.stringify({ compilerOptions, include: ["src", "*.ts"] }, null, 2)}\n`,
    "eslint.config.js": [
      'import js from "@eslint/js";',
      'import tseslint from "typescript-eslint";',
      "",
      "export default tseslint.config(",
      '  { ignores: ["dist/**", "node_modules/**", ".cache/**"] },',
      "  js.configs.recommended,",
      "  ...tseslint.configs.recommendedTypeChecked,",
      "  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },",
      '  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },',
      '  { files: ["**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "error", "@typescript-eslint/no-non-null-assertion": "error", "@typescript-eslint/consistent-type-imports": "error" } },',
      ");",
      "",
    ].join("\n"),
    "tsdown.config.ts": [
      'import { defineConfig } from "tsdown";',
      "",
      "// ESM for Node 20 with declarations; dependencies stay imports (installed beside the package).",
      "export default defineConfig({",
      '  entry: { index: "./src/index.ts", sandbox: "./src/sandbox/index.ts" },',
      '  format: "esm",',
      '  platform: "node",',
      '  target: "node20",',
      "  dts: true,",
      "  fixedExtension: false,",
      "  deps: { neverBundle: [/^[^./]/] },",
      "});",
      "",
    ].join("\n"),
  };
}
