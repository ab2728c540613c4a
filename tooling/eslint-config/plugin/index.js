// Our own rules, for what ESLint's rules cannot say: see each rule's file.
import { noImportOutsidePackage } from "./no-import-outside-package.js";
import { noRestrictedImportExpressions } from "./no-restricted-import-expressions.js";

export const lethePlugin = {
  meta: { name: "@lethe/eslint-config" },
  rules: {
    "no-import-outside-package": noImportOutsidePackage,
    "no-restricted-import-expressions": noRestrictedImportExpressions,
  },
};
