// ESLint's no-restricted-imports sees `import … from` and `export … from` only. The layer rules
// apply the same patterns to `import("…")` (a value import) and `import("…").T` (a type import),
// so a lazy import cannot step around them.
import { importSourceListeners } from "./import-sources.js";

export const noRestrictedImportExpressions = {
  meta: {
    type: "problem",
    docs: { description: "Apply no-restricted-imports' regex patterns to import() and import types" },
    schema: [
      {
        type: "object",
        properties: {
          patterns: {
            type: "array",
            items: {
              type: "object",
              properties: {
                regex: { type: "string" },
                caseSensitive: { type: "boolean" },
                allowTypeImports: { type: "boolean" },
                message: { type: "string" },
              },
              required: ["regex", "message"],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: { restricted: "'{{specifier}}' is restricted: {{message}}" },
  },
  create(context) {
    const patterns = (context.options[0]?.patterns ?? []).map((pattern) => ({
      ...pattern,
      matcher: new RegExp(pattern.regex, pattern.caseSensitive ? "u" : "iu"),
    }));
    return importSourceListeners({ static: false, expressions: true }, (node, specifier, typeOnly) => {
      const matching = patterns.filter((pattern) => pattern.matcher.test(specifier));
      // As in @typescript-eslint/no-restricted-imports: one pattern allowing type imports suffices.
      if (typeOnly && matching.some((pattern) => pattern.allowTypeImports)) return;
      const restricted = matching.find((pattern) => !(typeOnly && pattern.allowTypeImports));
      if (restricted) context.report({ node, messageId: "restricted", data: { specifier, message: restricted.message } });
    });
  },
};
