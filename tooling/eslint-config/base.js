// The house lint rules (docs/style.md): typescript-eslint's type-aware recommended set, no `any`,
// no non-null `!`, type-only imports, no stray console in packages and connectors, and the layer
// rules (which of our packages each package may import; see layers.js).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layerRules, repoRoot } from "./layer-rules.js";
import { typeAwareExceptions } from "./type-aware-exceptions.js";

export { layerRules, repoRoot };

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/.cache/**", "**/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Each file is checked against the program of its nearest tsconfig.json.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: repoRoot } },
  },
  {
    // Config files and scripts in plain JavaScript are not in any tsconfig.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  ...typeAwareExceptions,
  {
    // Tests and CLI entry points may write to the console; a test may assert with `!` after a check.
    basePath: repoRoot,
    files: ["**/*.test.ts", "**/test/**/*.ts", "apps/cli/**/*.ts", "tooling/bench/**/*.ts"],
    rules: { "no-console": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  ...layerRules,
);
