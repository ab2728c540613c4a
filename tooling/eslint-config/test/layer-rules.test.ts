import { join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerRules, repoRoot } from "../layer-rules.js";

/**
 * Lints deliberately bad (and good) files at real paths of the repository with the layer rules
 * alone: the TypeScript parser without type information, so the suite stays fast.
 */
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function problemsOf(path: string, code: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
  if (!result) throw new Error(`no lint result for ${path}`);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const staticRule = "@typescript-eslint/no-restricted-imports";
const expressionRule = "lethe/no-restricted-import-expressions";

async function expectRefused(path: string, code: string, rule: string, says: string): Promise<void> {
  const problems = await problemsOf(path, code);
  expect(problems).toHaveLength(1);
  expect(problems[0]?.ruleId).toBe(rule);
  expect(problems[0]?.message).toContain(says);
}

async function expectAllowed(path: string, code: string): Promise<void> {
  expect(await problemsOf(path, code)).toEqual([]);
}

const see = "see docs/architecture.md#layer-rules";

describe("the layer rules refuse", () => {
  it("a connector importing @lethe/core or @lethe/redaction", async () => {
    const says = `connectors may import only @lethe/connector-sdk; ${see}`;
    await expectRefused("connectors/reference/src/probe.ts", 'import { daysLeft } from "@lethe/core";', staticRule, says);
    await expectRefused("connectors/recorder/src/erase/probe.ts", 'import { detectPii } from "@lethe/redaction";', staticRule, says);
    await expectRefused("connectors/zendesk/src/probe.ts", 'import type { Database } from "@lethe/db";', staticRule, says);
  });

  it("a connector's sandbox importing @lethe/db", async () => {
    await expectRefused(
      "connectors/zendesk/src/sandbox/probe.ts",
      'import { openDatabase } from "@lethe/db";',
      staticRule,
      "connector sandboxes may import only @lethe/connector-sdk, @lethe/sandbox-kit",
    );
  });

  it("@lethe/db importing @lethe/core, and @lethe/core importing @lethe/db", async () => {
    await expectRefused("packages/db/src/repositories/probe.ts", 'import { assertTransition } from "@lethe/core";', staticRule, "@lethe/db may import none of our packages");
    await expectRefused("packages/core/src/requests/probe.ts", 'import { openDatabase } from "@lethe/db";', staticRule, "@lethe/core may import only @lethe/connector-sdk/identifiers, @lethe/connector-sdk (types only)");
  });

  it("a value import from @lethe/connector-sdk in @lethe/core (a type import passes)", async () => {
    await expectRefused(
      "packages/core/src/identifiers/probe.ts",
      'import { identifierKinds } from "@lethe/connector-sdk";',
      staticRule,
      "@lethe/core may import @lethe/connector-sdk for types only",
    );
    await expectAllowed("packages/core/src/identifiers/probe.ts", 'import type { Identifier } from "@lethe/connector-sdk";');
    await expectAllowed("packages/core/src/identifiers/probe.ts", 'import { type Identifier } from "@lethe/connector-sdk";');
    // …except the identifier vocabulary, whose list of kinds the rules iterate over.
    await expectAllowed("packages/core/src/identifiers/probe.ts", 'import { identifierKinds } from "@lethe/connector-sdk/identifiers";');
    await expectRefused(
      "packages/core/src/identifiers/probe.ts",
      'import { createHttpClient } from "@lethe/connector-sdk/http";',
      staticRule,
      "@lethe/core may import @lethe/connector-sdk for types only",
    );
  });

  it("@lethe/contracts importing @lethe/core", async () => {
    await expectRefused("packages/contracts/src/probe.ts", 'export { requestStatusSchema } from "@lethe/core";', staticRule, "@lethe/contracts may import none of our packages");
  });

  it("the API importing @lethe/db or @lethe/core", async () => {
    const says = "@lethe/api may import only @lethe/contracts, @lethe/runtime, @lethe/connector-sdk (types only)";
    await expectRefused("apps/api/src/routes/probe.ts", 'import { getRequest } from "@lethe/db";', staticRule, says);
    await expectRefused("apps/api/src/routes/probe.ts", 'import { daysLeft } from "@lethe/core";', staticRule, says);
  });

  it("the console importing @lethe/runtime, @lethe/core or a Node built-in", async () => {
    const says = "@lethe/console may import only @lethe/contracts, @lethe/core/identifier-rules";
    await expectRefused("apps/console/src/stores/probe.ts", 'import { openRuntime } from "@lethe/runtime";', staticRule, says);
    await expectRefused("apps/console/src/stores/probe.ts", 'import { daysLeft } from "@lethe/core";', staticRule, says);
    await expectRefused("apps/console/src/stores/probe.ts", 'import { readFile } from "node:fs";', staticRule, "no Node built-ins here (the console runs in the browser)");
    await expectRefused("apps/console/src/stores/probe.ts", 'import { readFile } from "fs/promises";', staticRule, "no Node built-ins here");
  });

  it("core's identifier rules importing a Node built-in (identifier-hash.ts may)", async () => {
    await expectRefused(
      "packages/core/src/identifiers/normalise-probe.ts",
      'import { domainToASCII } from "node:url";',
      staticRule,
      "no Node built-ins here (@lethe/core's identifier rules also run in the console (browser))",
    );
    await expectAllowed("packages/core/src/identifiers/identifier-hash.ts", 'import { createHmac } from "node:crypto";');
    await expectAllowed("packages/core/src/audit/probe.ts", 'import { createHash } from "node:crypto";');
  });

  it("import() and import types that step around a layer, and bundler aliases", async () => {
    await expectRefused("apps/console/src/requests/probe.ts", 'export const load = () => import("@lethe/core");', expressionRule, "@lethe/console may import only");
    await expectRefused("apps/console/src/requests/probe.ts", 'export const load = () => import("lethe:identifier-rules");', expressionRule, "not through a bundler alias");
    await expectRefused("packages/db/src/probe.ts", 'export type Entry = import("@lethe/core").AuditEntry;', expressionRule, "@lethe/db may import none of our packages");
    await expectAllowed("packages/core/src/probe.ts", 'export type Id = import("@lethe/connector-sdk").Identifier;');
    await expectAllowed("apps/console/src/requests/probe.ts", 'export const load = () => import("@lethe/core/identifier-rules");');
  });

  it("a relative import that leaves its package, in any file", async () => {
    const says = "leaves this package";
    const rule = "lethe/no-import-outside-package";
    await expectRefused("packages/runtime/src/probe.ts", 'import { getRequest } from "../../db/src/index";', rule, says);
    await expectRefused("apps/cli/src/probe.ts", 'import { getRequest } from "../../../packages/db/src/index.ts";', rule, says);
    await expectRefused("apps/api/src/routes/probe.test.ts", 'import { x } from "../../../cli/test/harness";', rule, says);
    await expectAllowed("packages/runtime/src/minimisation/probe.test.ts", 'import { runToEnd } from "../../test/run-to-end";');
  });
});

describe("the layer rules allow", () => {
  it("a connector importing @lethe/connector-sdk, and its sandbox @lethe/sandbox-kit", async () => {
    await expectAllowed("connectors/reference/src/probe.ts", 'import { defineConnector, type Identifier } from "@lethe/connector-sdk";');
    await expectAllowed("connectors/reference/src/sandbox/probe.ts", 'import { listenOnLoopback } from "@lethe/sandbox-kit";\nimport { x } from "../vendor/records";');
  });

  it("the runtime importing @lethe/db and @lethe/core, and types from @lethe/contracts", async () => {
    await expectAllowed("packages/runtime/src/probe.ts", 'import { getRequest } from "@lethe/db";\nimport { daysLeft } from "@lethe/core";\nimport type { RequestView } from "@lethe/contracts";');
  });

  it("the CLI and the bench importing anything", async () => {
    await expectAllowed("apps/cli/src/probe.ts", 'import { openDatabase } from "@lethe/db";\nimport { createApi } from "@lethe/api";\nimport { readFile } from "node:fs/promises";');
    await expectAllowed("tooling/bench/src/probe.ts", 'import { buildConsole } from "@lethe/console";');
  });

  it("tests importing more than their package's production code may", async () => {
    await expectAllowed("apps/api/src/routes/probe.test.ts", 'import { testDatabase } from "@lethe/db/testing";');
    await expectAllowed("apps/api/test/probe.ts", 'import { openDatabase } from "@lethe/db";');
    await expectAllowed("connectors/reference/src/probe.test.ts", 'import { runConformance } from "@lethe/connector-testkit";');
  });
});

describe("every package's lint config", () => {
  it("carries the layer rules and the type-aware set", async () => {
    for (const [directory, file] of [
      ["packages/core", "src/index.ts"],
      ["apps/api", "src/index.ts"],
      ["apps/console", "src/main.ts"],
      ["connectors/reference", "src/index.ts"],
    ] as const) {
      const packageLint = new ESLint({ cwd: join(repoRoot, directory) });
      const config = (await packageLint.calculateConfigForFile(join(repoRoot, directory, file))) as {
        rules: Record<string, unknown[]>;
      };
      expect(config.rules[staticRule]?.[0], directory).toBe(2);
      expect(config.rules["lethe/no-import-outside-package"]?.[0], directory).toBe(2);
      expect(config.rules["@typescript-eslint/no-floating-promises"]?.[0], directory).toBe(2);
    }
  });
});
