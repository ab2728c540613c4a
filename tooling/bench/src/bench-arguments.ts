import type { BenchFlags } from "./benchmark";

export class BenchArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchArgumentError";
  }
}

export interface BenchArguments {
  /** Benchmark names to run; empty means all. */
  names: string[];
  flags: BenchFlags;
}

/**
 * `pnpm bench [name ...] [--flag value | --flag=value | --switch]`. A flag followed by another
 * flag or by nothing is a switch with the value `true`.
 */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  const names: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? "";
    // pnpm forwards a literal `--` when a user separates script arguments with it.
    if (token === "--") continue;
    if (!token.startsWith("--")) {
      names.push(token);
      continue;
    }
    const equals = token.indexOf("=");
    if (equals > 2) {
      values.set(token.slice(2, equals), token.slice(equals + 1));
      continue;
    }
    const name = token.slice(2);
    if (name === "") throw new BenchArgumentError(`"${token}" is not a flag`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) {
      values.set(name, "true");
    } else {
      values.set(name, next);
      i++;
    }
  }
  return { names, flags: benchFlags(values) };
}

function benchFlags(values: ReadonlyMap<string, string>): BenchFlags {
  return {
    number(name, fallback) {
      const raw = values.get(name);
      if (raw === undefined) return fallback;
      const parsed = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(parsed) || parsed <= 0) {
        throw new BenchArgumentError(`--${name} must be a positive number, not "${raw}"`);
      }
      return parsed;
    },
    string: (name, fallback) => values.get(name) ?? fallback,
    all: () => Object.fromEntries(values),
  };
}
