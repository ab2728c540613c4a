// The house rules, plus Vue's recommended rules for single-file components (parsed with
// typescript-eslint inside <script setup lang="ts">, type-aware like every TypeScript file).
import base from "@lethe/eslint-config";
import pluginVue from "eslint-plugin-vue";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".dist-*/**", "dist/**"] },
  ...base,
  ...pluginVue.configs["flat/recommended"],
  {
    // The Node side (build helper, e2e tests, vite.config.ts) belongs to tsconfig.node.json, which
    // the project service does not find (it looks for the nearest tsconfig.json only).
    files: ["src/build/**/*.ts", "test/**/*.ts", "vite.config.ts", "tsdown.config.ts"],
    languageOptions: {
      parserOptions: { projectService: false, project: "./tsconfig.node.json", tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["**/*.vue"],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: [".vue"] } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
      // TypeScript checks names (vue-tsc); ESLint's no-undef does not know the DOM globals.
      "no-undef": "off",
      // Formatting is not lint's job here; the house config has no formatter rules either.
      "vue/max-attributes-per-line": "off",
      "vue/singleline-html-element-content-newline": "off",
      "vue/multiline-html-element-content-newline": "off",
      "vue/html-self-closing": "off",
      "vue/html-indent": "off",
      "vue/html-closing-bracket-newline": "off",
    },
  },
);
