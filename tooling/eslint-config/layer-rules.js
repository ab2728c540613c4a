// Turns the layer table (layers.js) into lint rules. Static imports and re-exports are checked by
// @typescript-eslint/no-restricted-imports (ESLint's rule plus `allowTypeImports`); `import()` and
// `import("…").Type` by lethe/no-restricted-import-expressions with the same patterns; relative
// imports that leave their package by lethe/no-import-outside-package, everywhere.
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import { layers, layersDoc, testFiles } from "./layers.js";
import { lethePlugin } from "./plugin/index.js";

/** The repository root: the table's globs are relative to it, whichever package runs ESLint. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

const sourceFiles = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.js", "**/*.mjs", "**/*.cjs", "**/*.vue"];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches every package of ours except the given ones (and their subpaths). */
const oursExcept = (specifiers) =>
  specifiers.length === 0
    ? "^@lethe/"
    : `^@lethe/(?!(?:${specifiers.map((s) => escapeRegex(s.slice("@lethe/".length))).join("|")})(?:/|$))`;

const nodeBuiltins = `^(?:node:|(?:${builtinModules.filter((m) => !m.startsWith("_")).map(escapeRegex).join("|")})(?:/|$))`;

const see = `see ${layersDoc}`;

function allowedList({ may, mayTypes = [] }) {
  const names = [...may, ...mayTypes.map((name) => `${name} (types only)`)];
  return names.length === 0 ? "none of our packages" : `only ${names.join(", ")}`;
}

/** The no-restricted-imports patterns of one row of the table. */
export function layerPatterns(row) {
  const mayTypes = row.mayTypes ?? [];
  const patterns = [
    {
      regex: oursExcept([...row.may, ...mayTypes]),
      caseSensitive: true,
      message: `${row.layer} may import ${allowedList(row)}; ${see}`,
    },
    {
      // A bundler alias would hide which package is imported (it resolves to one of ours).
      regex: "^lethe:",
      caseSensitive: true,
      message: `${row.layer}: import our packages by name, not through a bundler alias; ${see}`,
    },
  ];
  if (mayTypes.length > 0) {
    // A subpath the row may import values from (e.g. a vocabulary) is not caught by its package's
    // types-only pattern.
    const valueSubpaths = row.may.filter((name) => mayTypes.some((parent) => name.startsWith(`${parent}/`)));
    const exceptSubpaths = valueSubpaths.length === 0 ? "" : `(?!(?:${valueSubpaths.map((name) => escapeRegex(name.slice(name.indexOf("/", 7)))).join("|")})(?:/|$))`;
    patterns.push({
      regex: `^(?:${mayTypes.map(escapeRegex).join("|")})${exceptSubpaths}(?:/|$)`,
      caseSensitive: true,
      allowTypeImports: true,
      message: `${row.layer} may import ${mayTypes.join(", ")} for types only (\`import type\`); ${see}`,
    });
  }
  return patterns;
}

function nodeBuiltinPatterns(row) {
  return [
    {
      regex: nodeBuiltins,
      caseSensitive: true,
      message: `${row.layer}: no Node built-ins here (${row.noNodeBuiltins.why}); ${see}`,
    },
  ];
}

function restrict(patterns) {
  return {
    "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
    "lethe/no-restricted-import-expressions": ["error", { patterns }],
  };
}

/** One config object per row (and one per browser-safe part of a row), all relative to the root. */
function configsOf(row) {
  if (row.may === "anything") return [];
  const configs = [
    {
      name: `lethe/layers: ${row.layer}`,
      basePath: repoRoot,
      files: row.files,
      ignores: [...testFiles, ...(row.ignores ?? [])],
      rules: restrict(layerPatterns(row)),
    },
  ];
  if (row.noNodeBuiltins) {
    configs.push({
      name: `lethe/layers: ${row.layer} (no Node built-ins)`,
      basePath: repoRoot,
      files: row.noNodeBuiltins.files,
      ignores: [...testFiles, ...(row.ignores ?? []), ...(row.noNodeBuiltins.ignores ?? [])],
      // A rule's options replace, not merge: this object repeats the row's patterns.
      rules: restrict([...layerPatterns(row), ...nodeBuiltinPatterns(row)]),
    });
  }
  return configs;
}

/** The layer rules as flat config objects; needs a TypeScript-aware parser for `import type`. */
export const layerRules = [
  {
    name: "lethe/layers: plugin",
    files: sourceFiles,
    // The same plugin object as the house config's, so either may come first.
    plugins: { lethe: lethePlugin, "@typescript-eslint": tseslint.plugin },
  },
  {
    name: "lethe/layers: no relative import out of a package",
    files: sourceFiles,
    rules: { "lethe/no-import-outside-package": "error" },
  },
  ...layers.flatMap(configsOf),
];
