// A relative import that climbs out of its package (`../../packages/db/src/…`) reaches past the
// other package's exports and past the layer rules; import the other package by name instead.
import { existsSync } from "node:fs";
import path from "node:path";
import { importSourceListeners } from "./import-sources.js";

const packageRoots = new Map();

/** The nearest directory at or above `dir` holding a package.json (cached per directory). */
function packageRootOf(dir) {
  const known = packageRoots.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  const root = existsSync(path.join(dir, "package.json")) ? dir : parent === dir ? null : packageRootOf(parent);
  packageRoots.set(dir, root);
  return root;
}

export const noImportOutsidePackage = {
  meta: {
    type: "problem",
    docs: { description: "Disallow relative imports that leave the importing file's package" },
    schema: [],
    messages: {
      outside:
        "'{{specifier}}' leaves this package ({{root}}); import the other package by its name (see docs/architecture.md#layer-rules)",
    },
  },
  create(context) {
    const fileDir = path.dirname(context.physicalFilename);
    const root = packageRootOf(fileDir);
    if (root === null) return {};
    return importSourceListeners({ static: true, expressions: true }, (node, specifier) => {
      if (!specifier.startsWith(".")) return;
      const target = path.resolve(fileDir, specifier);
      const inside = path.relative(root, target);
      if (inside.startsWith("..") || path.isAbsolute(inside)) {
        context.report({ node, messageId: "outside", data: { specifier, root: path.basename(root) } });
      }
    });
  },
};
