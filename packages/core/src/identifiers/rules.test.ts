import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as rules from "./rules";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every module specifier imported by `file` and, transitively, by the files of this package it imports. */
function importsReachableFrom(file: string, seen = new Set<string>()): Set<string> {
  const specifiers = new Set<string>();
  if (seen.has(file)) return specifiers;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
    const specifier = match[1] ?? "";
    if (specifier.startsWith(".")) {
      for (const reached of importsReachableFrom(path.resolve(path.dirname(file), `${specifier}.ts`), seen)) specifiers.add(reached);
    } else {
      specifiers.add(specifier);
    }
  }
  return specifiers;
}

describe("@lethe/core/identifier-rules", () => {
  it("reaches no Node built-in, so it runs in a browser", () => {
    const specifiers = [...importsReachableFrom(path.join(here, "rules.ts"))];
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => specifier.startsWith("node:"))).toEqual([]);
  });

  it("normalises e-mail addresses and phone numbers as the main entry does", () => {
    expect(rules.normaliseEmail(" Ada@BÜCHER.example ")).toBe("ada@xn--bcher-kva.example");
    expect(rules.normalisePhone("020 7946 0018", "GB")).toBe("+442079460018");
    expect(() => rules.normaliseEmail("ada@")).toThrow(rules.InvalidIdentifierError);
    expect(() => rules.normalisePhone("020 7946 0018", "XX" as rules.CountryCode)).toThrow(rules.UnsupportedRegionError);
  });

  it("does not hand out the keyed identifier hash, which is computed on the server", () => {
    expect(Object.keys(rules)).not.toContain("identifierHash");
  });
});
