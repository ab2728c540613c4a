// The layer table: which of our packages each layer's production code may import. The lint rules
// (layer-rules.js) are generated from it, so this table and docs/architecture.md#layer-rules are the
// one place the direction of dependencies is written down. Globs are relative to the repository
// root. Tests (`*.test.ts`, `test/**`) are not a layer's production code and may import more.

/**
 * @typedef {object} Layer
 * @property {string} layer         how messages name the layer
 * @property {string[]} files       its production sources
 * @property {string[]} [ignores]   sources inside `files` that belong to another row
 * @property {string[] | "anything"} may   packages (or subpaths) of ours it may import
 * @property {string[]} [mayTypes]  packages of ours it may import types from (`import type`) only
 * @property {{ files: string[], ignores?: string[], why: string }} [noNodeBuiltins]
 *   code inside the layer that runs in a browser too, so imports no Node built-in
 */

/** @type {Layer[]} */
export const layers = [
  { layer: "@lethe/connector-sdk", files: ["packages/connector-sdk/src/**"], may: [] },
  {
    layer: "@lethe/core",
    files: ["packages/core/src/**"],
    // The identifier vocabulary (the list of identifier kinds) is data the rules iterate over.
    may: ["@lethe/connector-sdk/identifiers"],
    mayTypes: ["@lethe/connector-sdk"],
    noNodeBuiltins: {
      files: ["packages/core/src/identifiers/**"],
      ignores: ["packages/core/src/identifiers/identifier-hash.ts"],
      why: "@lethe/core's identifier rules also run in the console (browser)",
    },
  },
  { layer: "@lethe/contracts", files: ["packages/contracts/src/**"], may: [] },
  { layer: "@lethe/db", files: ["packages/db/src/**"], may: [] },
  { layer: "@lethe/redaction", files: ["packages/redaction/src/**"], may: ["@lethe/connector-sdk"] },
  { layer: "@lethe/sandbox-kit", files: ["packages/sandbox-kit/src/**"], may: ["@lethe/connector-sdk"] },
  {
    layer: "@lethe/connector-testkit",
    files: ["packages/connector-testkit/src/**"],
    may: ["@lethe/connector-sdk", "@lethe/sandbox-kit", "@lethe/redaction"],
  },
  {
    layer: "@lethe/runtime",
    files: ["packages/runtime/src/**"],
    may: ["@lethe/core", "@lethe/db", "@lethe/connector-sdk", "@lethe/redaction"],
    mayTypes: ["@lethe/contracts"],
  },
  {
    layer: "connectors",
    files: ["connectors/*/src/**"],
    ignores: ["connectors/*/src/sandbox/**"],
    may: ["@lethe/connector-sdk"],
  },
  {
    layer: "connector sandboxes",
    files: ["connectors/*/src/sandbox/**"],
    may: ["@lethe/connector-sdk", "@lethe/sandbox-kit"],
  },
  {
    layer: "@lethe/api",
    files: ["apps/api/src/**"],
    may: ["@lethe/contracts", "@lethe/runtime"],
    mayTypes: ["@lethe/connector-sdk"],
  },
  {
    layer: "@lethe/console",
    files: ["apps/console/src/**"],
    may: ["@lethe/contracts", "@lethe/core/identifier-rules"],
    noNodeBuiltins: {
      files: ["apps/console/src/**"],
      // The build helper is Node code (it runs Vite for the CLI), checked by tsconfig.node.json.
      ignores: ["apps/console/src/build/**"],
      why: "the console runs in the browser",
    },
  },
  // Composition roots: they wire every layer together.
  { layer: "@lethe/cli", files: ["apps/cli/src/**"], may: "anything" },
  { layer: "@lethe/bench", files: ["tooling/bench/src/**"], may: "anything" },
];

/** Tests are not production code; they may import more (fixtures, sandboxes, @lethe/db/testing). */
export const testFiles = ["**/*.test.ts", "**/test/**"];

/** Where the table is explained; every message points there. */
export const layersDoc = "docs/architecture.md#layer-rules";
