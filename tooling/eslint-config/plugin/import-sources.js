// Every place a module specifier can appear, as (node, specifier, typeOnly) visits.

/** The specifier of `import()` / `import("…").T`, when it is written literally. */
function literalSource(node) {
  if (node?.type === "Literal" && typeof node.value === "string") return node.value;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  // typescript-eslint wraps the argument of `import("…").T` in a literal type.
  if (node?.type === "TSLiteralType") return literalSource(node.literal);
  return null;
}

/**
 * Listeners that call `visit(node, specifier, typeOnly)` for the given kinds of import: `static`
 * (import/export … from, import x = require()), `expressions` (import(), import("…").T).
 */
export function importSourceListeners({ static: withStatic, expressions }, visit) {
  const listeners = {};
  if (withStatic) {
    const fromDeclaration = (node) => {
      if (node.source) visit(node.source, node.source.value, false);
    };
    listeners.ImportDeclaration = fromDeclaration;
    listeners.ExportNamedDeclaration = fromDeclaration;
    listeners.ExportAllDeclaration = fromDeclaration;
    listeners.TSExternalModuleReference = (node) => {
      const specifier = literalSource(node.expression);
      if (specifier !== null) visit(node.expression, specifier, false);
    };
  }
  if (expressions) {
    listeners.ImportExpression = (node) => {
      const specifier = literalSource(node.source);
      if (specifier !== null) visit(node.source, specifier, false);
    };
    listeners.TSImportType = (node) => {
      const specifier = literalSource(node.argument);
      if (specifier !== null) visit(node.argument, specifier, true);
    };
  }
  return listeners;
}
