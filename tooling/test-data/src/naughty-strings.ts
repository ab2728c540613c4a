import { readFileSync } from "node:fs";
import { dataFile } from "./data-file";

/** The Big List of Naughty Strings, without its blank entries: identifiers and text that break software. */
export function naughtyStrings(): string[] {
  const parsed: unknown = JSON.parse(readFileSync(dataFile("naughty-strings/blns.json"), "utf8"));
  if (!Array.isArray(parsed)) throw new Error("blns.json is not a list");
  return parsed.filter((value): value is string => typeof value === "string" && value.trim() !== "");
}
