// Rules of typescript-eslint's type-aware recommended set that are wrong for this codebase, each
// with the reason. Everything else in the set is on.
import { testFiles } from "./layers.js";

export const typeAwareExceptions = [
  {
    name: "lethe/type-aware exceptions",
    files: ["**/*.ts", "**/*.vue"],
    rules: {
      // An async function without `await` is how we implement a Promise or AsyncIterable contract
      // from memory (checkpoint stores, checks, `content()` streams), so its throws stay rejections;
      // a forgotten `await` inside one is caught by no-floating-promises instead.
      "@typescript-eslint/require-await": "off",
      // A rejection reason typed unknown (an AbortSignal's reason, a caught error) is passed on
      // unchanged, as signal.throwIfAborted() and `throw error` do; wrapping it would hide it.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
    },
  },
  {
    name: "lethe/type-aware exceptions: tests",
    files: testFiles,
    rules: {
      // vitest's asymmetric matchers (expect.any, objectContaining, stringMatching) are typed `any`
      // so they fit any expected shape; each one inside an expected object would need a bare cast.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
];
