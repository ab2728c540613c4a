import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/*
 * The project's shared test data, read in place (../shared/data relative to the repository root),
 * never copied: the Big List of Naughty Strings and isemail's classified e-mail addresses.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.resolve(repoRoot, "../shared/data");

export function naughtyStrings(): string[] {
  const parsed: unknown = JSON.parse(readFileSync(path.join(dataDir, "naughty-strings/blns.json"), "utf8"));
  if (!Array.isArray(parsed)) throw new Error("blns.json is not a list");
  return parsed.filter((value): value is string => typeof value === "string" && value.trim() !== "");
}

/** Every `<address>` of tests.xml, control pictures turned back into the characters they stand for. */
export function emailEdgeCases(): string[] {
  const xml = readFileSync(path.join(dataDir, "email-edge-cases/tests.xml"), "utf8");
  return [...xml.matchAll(/<address>([\s\S]*?)<\/address>/g)].map(([, raw = ""]) =>
    raw
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? "")
      .replace(/[\u2400-\u241f]/g, (picture) => String.fromCharCode(picture.charCodeAt(0) - 0x2400)),
  );
}
